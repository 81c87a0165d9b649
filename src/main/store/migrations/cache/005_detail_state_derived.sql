-- Issue 4: whether a call still needed its detail was a column of calls (detail_state, with a
-- partial index): every new call added an index entry, and every stored detail rewrote its call's
-- whole row, ~10% of a backfill. It is now derived from what is stored: a call has its detail when
-- call_details holds one fetched for the call as it is now (the same list_hash); a failed fetch is
-- noted in call_detail_failures for the call as it was then, so a changed call is tried again.
-- The detail queue looks only at calls written since its last complete run (calls_synced: keys
-- only grow, so keeping it costs an append per new call).
ALTER TABLE call_details ADD COLUMN list_hash TEXT;
UPDATE call_details SET list_hash = (SELECT c.list_hash FROM calls c WHERE c.id = call_details.call_id AND c.detail_state = 'fetched');
CREATE TABLE call_detail_failures (
  call_id    TEXT PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
  list_hash  TEXT NOT NULL,
  error      TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO call_detail_failures (call_id, list_hash, error)
  SELECT id, list_hash, COALESCE(detail_error, 'The detail could not be fetched.') FROM calls WHERE detail_state = 'failed';
DROP INDEX calls_detail_state;
CREATE INDEX calls_synced ON calls (synced_ms);
ALTER TABLE calls DROP COLUMN detail_error;
ALTER TABLE calls DROP COLUMN detail_state;
