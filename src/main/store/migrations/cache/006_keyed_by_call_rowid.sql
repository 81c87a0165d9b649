-- Issue 4: a call's payload (the fields that are not columns, and the item as the API sent it), its
-- detail and its disposition values are keyed by the call's rowid, as its full-text row is, not by
-- its id: the id needed an index of its own in the first two (call_id UNIQUE, call_id PRIMARY KEY)
-- that every new call and every new detail added an entry to, and made every disposition key (and
-- its entry in dispositions_value) carry a ~30-byte text where an integer does. The rowid is the
-- first two tables' own key: one append, and joins from calls are lookups of it. The cache is never
-- vacuumed (VACUUM may renumber rowids), and a deleted call takes its rows along (the trigger below;
-- the foreign keys did that before), so a rowid a later call reuses finds nothing of the one before.
CREATE TABLE call_payloads_by_rowid (
  call_rowid   INTEGER PRIMARY KEY,             -- calls.rowid
  extras_json  TEXT NOT NULL,
  raw_json     TEXT NOT NULL
) STRICT;
INSERT INTO call_payloads_by_rowid (call_rowid, extras_json, raw_json)
  SELECT c.rowid, p.extras_json, p.raw_json FROM call_payloads p JOIN calls c ON c.id = p.call_id;
DROP TABLE call_payloads;
ALTER TABLE call_payloads_by_rowid RENAME TO call_payloads;

CREATE TABLE call_details_by_rowid (
  call_rowid       INTEGER PRIMARY KEY,         -- calls.rowid
  detail_json      TEXT NOT NULL,               -- the mapped CallDetail without the transcript
  transcript_json  TEXT NOT NULL,               -- TranscriptTurn[]
  turn_count       INTEGER NOT NULL,
  raw_json         TEXT NOT NULL,
  fetched_ms       INTEGER NOT NULL,
  list_hash        TEXT                         -- calls.list_hash when it was fetched (see DETAIL_STATE)
) STRICT;
INSERT INTO call_details_by_rowid (call_rowid, detail_json, transcript_json, turn_count, raw_json, fetched_ms, list_hash)
  SELECT c.rowid, d.detail_json, d.transcript_json, d.turn_count, d.raw_json, d.fetched_ms, d.list_hash
  FROM call_details d JOIN calls c ON c.id = d.call_id;
DROP TABLE call_details;
ALTER TABLE call_details_by_rowid RENAME TO call_details;

CREATE TABLE dispositions_by_rowid (
  call_rowid  INTEGER NOT NULL,                 -- calls.rowid
  identifier  TEXT NOT NULL,
  value       TEXT NOT NULL,
  confidence  REAL,
  PRIMARY KEY (call_rowid, identifier)
) STRICT, WITHOUT ROWID;
INSERT INTO dispositions_by_rowid (call_rowid, identifier, value, confidence)
  SELECT c.rowid, d.identifier, d.value, d.confidence FROM dispositions d JOIN calls c ON c.id = d.call_id;
DROP TABLE dispositions;
ALTER TABLE dispositions_by_rowid RENAME TO dispositions;
CREATE INDEX dispositions_value ON dispositions (identifier, value);

CREATE TRIGGER calls_deleted AFTER DELETE ON calls BEGIN
  DELETE FROM call_payloads WHERE call_rowid = old.rowid;
  DELETE FROM call_details WHERE call_rowid = old.rowid;
  DELETE FROM dispositions WHERE call_rowid = old.rowid;
  DELETE FROM call_text WHERE rowid = old.rowid;
END;
