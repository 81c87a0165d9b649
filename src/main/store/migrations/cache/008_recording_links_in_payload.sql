-- Issue 4: a call's recording links move from its calls row to its payload's extras (see
-- src/main/store/callRow.ts): ~100 bytes each from the API, they were a third of a calls row, read
-- by every scan of the table. has_recording stays a column: it is a filter.
UPDATE call_payloads SET extras_json = json_set(extras_json, '$.recordingUrl', c.recording_url, '$.recordingDualUrl', c.recording_dual_url)
  FROM calls c WHERE c.rowid = call_payloads.call_rowid;
ALTER TABLE calls DROP COLUMN recording_url;
ALTER TABLE calls DROP COLUMN recording_dual_url;
