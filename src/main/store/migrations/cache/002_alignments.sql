-- How each call's transcript lines up with its recording (see src/main/media/align.ts). Derived
-- data: recomputed when the algorithm's version changes or a person overrides the agent channel.
CREATE TABLE alignments (
  call_id      TEXT PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
  version      INTEGER NOT NULL,
  input_key    TEXT NOT NULL,                   -- what it was computed from (turn stamps, recording)
  json         TEXT NOT NULL,
  computed_ms  INTEGER NOT NULL
) STRICT;
