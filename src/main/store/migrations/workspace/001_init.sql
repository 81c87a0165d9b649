-- The workspace: everything a person wrote. Never dropped; migrated with care and backed up first.

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE saved_views (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  query_json  TEXT NOT NULL,
  created_ms  INTEGER NOT NULL,
  updated_ms  INTEGER NOT NULL
) STRICT;
