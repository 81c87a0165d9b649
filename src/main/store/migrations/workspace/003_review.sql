-- The review workflow: annotations, tags, scorecards, scores, review status, queue positions.
-- Keyed by call id (text), not by a foreign key into the cache: the cache may be deleted and
-- rebuilt at any time and everything here must stay attached to the same calls afterwards.
-- Records that are merged across installs carry updated_ms (the newer copy wins) and deletions
-- are tombstones (deleted = 1), so importing an older export cannot bring a deleted row back.

CREATE TABLE annotations (
  id          TEXT PRIMARY KEY,                 -- a UUID, the same on every install
  call_id     TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('comment', 'correction', 'label')),
  turn_index  INTEGER CHECK (turn_index >= 0),
  start_s     REAL CHECK (start_s >= 0),
  end_s       REAL,
  text        TEXT NOT NULL,
  label       TEXT,
  turn_hash   TEXT,                             -- hash of the turn's text when written
  author      TEXT NOT NULL,
  created_ms  INTEGER NOT NULL,
  updated_ms  INTEGER NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  CHECK ((start_s IS NULL) = (end_s IS NULL) AND (end_s IS NULL OR end_s >= start_s)),
  CHECK (turn_index IS NOT NULL OR start_s IS NOT NULL),
  CHECK (kind <> 'correction' OR turn_index IS NOT NULL),
  CHECK (kind <> 'label' OR label IS NOT NULL)
) STRICT;
-- The call view reads a call's annotations; the list filters "has annotations".
CREATE INDEX annotations_call ON annotations (call_id) WHERE deleted = 0;

CREATE TABLE call_tags (
  call_id     TEXT NOT NULL,
  tag         TEXT NOT NULL,                    -- normalised: trimmed, lower case
  updated_ms  INTEGER NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  PRIMARY KEY (call_id, tag)
) STRICT, WITHOUT ROWID;
-- The list's tag filter and the tag suggestions go from the tag to its calls.
CREATE INDEX call_tags_tag ON call_tags (tag, call_id) WHERE deleted = 0;

-- Scorecards. A version is never changed once written: scores point at the exact version.
CREATE TABLE rubrics (
  id          TEXT NOT NULL,
  version     INTEGER NOT NULL CHECK (version >= 1),
  name        TEXT NOT NULL,
  items_json  TEXT NOT NULL,
  author      TEXT NOT NULL,
  created_ms  INTEGER NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;

-- One score per call and rubric (whichever version it was given with); the newer copy wins a merge.
CREATE TABLE scores (
  id              TEXT PRIMARY KEY,
  call_id         TEXT NOT NULL,
  rubric_id       TEXT NOT NULL,
  rubric_version  INTEGER NOT NULL,
  answers_json    TEXT NOT NULL,
  total           REAL,
  raw_total       REAL,
  auto_failed     INTEGER NOT NULL CHECK (auto_failed IN (0, 1)),
  complete        INTEGER NOT NULL CHECK (complete IN (0, 1)),
  author          TEXT NOT NULL,
  created_ms      INTEGER NOT NULL,
  updated_ms      INTEGER NOT NULL,
  UNIQUE (call_id, rubric_id),
  FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubrics (id, version)
) STRICT;
-- The list's score range filter.
CREATE INDEX scores_total ON scores (total, call_id);

-- No row means unreviewed; setting a call back to unreviewed keeps its row (who and when).
CREATE TABLE review_status (
  call_id     TEXT PRIMARY KEY,
  status      TEXT NOT NULL CHECK (status IN ('unreviewed', 'in_review', 'done', 'flagged')),
  author      TEXT NOT NULL,
  updated_ms  INTEGER NOT NULL
) STRICT;
CREATE INDEX review_status_status ON review_status (status, call_id);

-- Where a reviewer is in each review queue (a saved view): the call Review next last opened.
CREATE TABLE queue_positions (
  view_id     TEXT PRIMARY KEY,
  call_id     TEXT NOT NULL,
  updated_ms  INTEGER NOT NULL
) STRICT;
