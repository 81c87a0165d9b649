-- Issue 4: a call's summary was stored twice, as columns and again whole as JSON. The JSON now
-- holds only the fields that are not columns (see src/main/store/callRow.ts).
ALTER TABLE call_payloads RENAME COLUMN summary_json TO extras_json;
UPDATE call_payloads SET extras_json = json_object(
  'updatedAt', extras_json ->> '$.updatedAt',
  'dispositions', json(COALESCE(extras_json -> '$.dispositions', '{}')),
  'dispositionResults', json(COALESCE(extras_json -> '$.dispositionResults', '[]')),
  'latency', json(COALESCE(extras_json -> '$.latency', 'null')));
