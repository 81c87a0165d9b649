-- A reviewer's choices about one call that must survive a rebuilt cache: for now, which stereo
-- channel of its recording is the agent when detection got it wrong.
CREATE TABLE call_prefs (
  call_id        TEXT PRIMARY KEY,
  agent_channel  INTEGER CHECK (agent_channel IN (0, 1)),
  updated_ms     INTEGER NOT NULL
) STRICT;
