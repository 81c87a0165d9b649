-- Issue 4: stored transcripts drop the keys every turn repeated: a turn is [role, text, at, offsetMs]
-- and its index is its position (see src/main/store/transcriptRow.ts).
UPDATE call_details SET transcript_json = (
  SELECT json_group_array(json_array(t.value ->> 'role', t.value ->> 'text', t.value ->> 'at', t.value ->> 'offsetMs') ORDER BY t.key)
  FROM json_each(call_details.transcript_json) t);
