-- The cache: everything that came from the Atoms API. It may be deleted and rebuilt at any time.

CREATE TABLE calls (
  id                 TEXT PRIMARY KEY,          -- the callId
  db_id              TEXT,
  status             TEXT NOT NULL,
  type               TEXT NOT NULL,
  duration_s         REAL NOT NULL,
  from_number        TEXT NOT NULL,
  to_number          TEXT NOT NULL,
  agent_id           TEXT,
  agent_name         TEXT,
  campaign_id        TEXT,
  created_at         TEXT NOT NULL,
  created_ms         INTEGER NOT NULL,
  updated_ms         INTEGER,
  disconnect_reason  TEXT,
  failure_reason     TEXT,
  cost_credits       REAL,
  recording_url      TEXT,
  recording_dual_url TEXT,
  has_recording      INTEGER NOT NULL,
  retry_count        INTEGER NOT NULL,
  retry_attempt      INTEGER NOT NULL,
  retry_call_id      TEXT,
  is_test            INTEGER NOT NULL,
  version_id         TEXT,
  version_number     INTEGER,
  summary            TEXT,
  avg_latency_ms     REAL,
  search_ids         TEXT NOT NULL,             -- "id from to" in lower case, for substring search
  list_hash          TEXT NOT NULL,             -- hash of raw_json: unchanged calls stop an incremental sync
  detail_state       TEXT NOT NULL DEFAULT 'missing' CHECK (detail_state IN ('missing', 'stale', 'fetched', 'failed')),
  detail_error       TEXT,
  synced_ms          INTEGER NOT NULL
) STRICT;

-- Sort indexes are (column, id): the list orders by column then id in one direction, so either
-- direction is one index scan, forwards or backwards.
CREATE INDEX calls_created ON calls (created_ms, id);
CREATE INDEX calls_updated ON calls (updated_ms, id);
CREATE INDEX calls_status ON calls (status, created_ms);
CREATE INDEX calls_type ON calls (type, created_ms);
CREATE INDEX calls_reason ON calls (disconnect_reason, created_ms);
CREATE INDEX calls_agent ON calls (agent_id, created_ms);
CREATE INDEX calls_agent_name ON calls (agent_name, id);
CREATE INDEX calls_campaign ON calls (campaign_id, created_ms);
CREATE INDEX calls_duration ON calls (duration_s, id);
CREATE INDEX calls_cost ON calls (cost_credits, id);
CREATE INDEX calls_latency ON calls (avg_latency_ms, id);
CREATE INDEX calls_detail_state ON calls (detail_state) WHERE detail_state <> 'fetched';

-- The JSON of each call lives beside its row, not in it: a compact calls table keeps index
-- maintenance, counts and scans fast.
CREATE TABLE call_payloads (
  call_id       TEXT NOT NULL UNIQUE REFERENCES calls (id) ON DELETE CASCADE,
  summary_json  TEXT NOT NULL,                  -- the mapped CallSummary
  raw_json      TEXT NOT NULL                   -- the API's item as sent, for fidelity
) STRICT;

CREATE TABLE call_details (
  call_id      TEXT PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
  detail_json      TEXT NOT NULL,               -- the mapped CallDetail without the transcript
  transcript_json  TEXT NOT NULL,               -- TranscriptTurn[]
  turn_count       INTEGER NOT NULL,
  raw_json         TEXT NOT NULL,
  fetched_ms   INTEGER NOT NULL
) STRICT;

CREATE TABLE dispositions (
  call_id     TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  identifier  TEXT NOT NULL,
  value       TEXT NOT NULL,
  confidence  REAL,
  PRIMARY KEY (call_id, identifier)
) STRICT, WITHOUT ROWID;
CREATE INDEX dispositions_value ON dispositions (identifier, value);

CREATE TABLE recordings (
  call_id      TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('dual', 'mono')),
  file         TEXT NOT NULL,                   -- relative to the recordings folder
  bytes        INTEGER NOT NULL,
  format       TEXT,
  channels     INTEGER,
  sample_rate  INTEGER,
  duration_s   REAL,
  peaks        BLOB,
  fetched_ms   INTEGER NOT NULL,
  PRIMARY KEY (call_id, kind)
) STRICT;

CREATE TABLE agents (id TEXT PRIMARY KEY, name TEXT, calls INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE TABLE campaigns (id TEXT PRIMARY KEY, calls INTEGER NOT NULL DEFAULT 0) STRICT;

CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

-- Full text over what people say and the summary. Ids and phone numbers match by substring with
-- one LIKE over calls.search_ids: a trigram index did the same but halved the ingest rate.
CREATE VIRTUAL TABLE call_text USING fts5 (call_id UNINDEXED, summary, transcript, tokenize = 'unicode61 remove_diacritics 2');
