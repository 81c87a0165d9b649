-- Issue 4: a 100k-call cache that ingests fast and answers every list page in under 20 ms.

-- Fewer, better-fitting indexes for the call list. Low-cardinality filters (type, reason,
-- recording, test) had one index each that the planner rarely wanted: it walks a sort index
-- instead, or counts in one covering index.
DROP INDEX calls_status;
DROP INDEX calls_type;
DROP INDEX calls_reason;
DROP INDEX calls_agent;
DROP INDEX calls_campaign;

-- Status is the filter people use most, with the default sort: the page is a range of this index
-- in order, and the trailing columns let latency/duration/cost filters and the count skip the rows.
CREATE INDEX calls_status ON calls (status, created_ms, id, avg_latency_ms, duration_s, cost_credits);

-- Counts under any mix of the small filters read only this index. type and the two-valued columns
-- lead, so equalities on them are ranges (the planner skip-scans the few leading values it is not
-- given). Then created_ms: new calls land at the end of about sixteen groups, so a batch rewrites a
-- few pages of this index rather than most of them (status and reason after it are tested in place).
CREATE INDEX calls_filter ON calls (type, has_recording, is_test, created_ms, status, disconnect_reason, duration_s,
  cost_credits, avg_latency_ms, agent_id, campaign_id);

-- Agents and campaigns are selective: their calls in the default order, ties by id, no sort step.
CREATE INDEX calls_agent ON calls (agent_id, created_ms, id);
CREATE INDEX calls_campaign ON calls (campaign_id, created_ms, id);

-- Id and phone-number search is a LIKE '%…%' over search_ids: no index can seek it, but scanning
-- this one reads a tenth of the bytes of the table. Its entries start with the call id (a time),
-- so a batch of new calls appends to it.
CREATE INDEX calls_search ON calls (search_ids);

-- Full text without a second copy of every transcript: the text lives in calls.summary and
-- call_details.transcript_json already (snippets are cut from there). detail=none keeps no word
-- positions: searches are words and prefixes ANDed, never phrases, so none are needed, and the
-- index is a fraction of the size to write.
DROP TABLE call_text;
CREATE VIRTUAL TABLE call_text USING fts5 (summary, transcript, content = '', contentless_delete = 1, detail = none,
  tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO call_text (rowid, summary, transcript)
  SELECT c.rowid, COALESCE(c.summary, ''),
    COALESCE((SELECT group_concat(t.value ->> 'text', char(10)) FROM json_each(d.transcript_json) t), '')
  FROM calls c LEFT JOIN call_details d ON d.call_id = c.id;
