-- Issue 4: a call's payload (the fields that are not columns, and the item as the API sent it) is
-- keyed by the call's rowid, as its full-text row is, not by its id: the id needed an index of its
-- own (call_id UNIQUE) that every new call added an entry to. Calls are never deleted and the
-- cache is never vacuumed, so a call's rowid stays its own.
CREATE TABLE call_payloads_by_rowid (
  call_rowid   INTEGER PRIMARY KEY,             -- calls.rowid
  extras_json  TEXT NOT NULL,
  raw_json     TEXT NOT NULL
) STRICT;
INSERT INTO call_payloads_by_rowid (call_rowid, extras_json, raw_json)
  SELECT c.rowid, p.extras_json, p.raw_json FROM call_payloads p JOIN calls c ON c.id = p.call_id;
DROP TABLE call_payloads;
ALTER TABLE call_payloads_by_rowid RENAME TO call_payloads;
