-- scim-sync state store, schema 1.
-- Timestamps are UTC ISO-8601 text with nine fraction digits (fixed width, so they sort as text).
-- Nothing in this file is ever a secret: keys, ids, names, hashes, counts and error reasons only.

CREATE TABLE store_meta (
  name  TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO store_meta (name, value) VALUES ('application', 'scim-sync'), ('format', '1');

-- Source object -> target object the engine created or adopted.
CREATE TABLE link (
  kind         TEXT    NOT NULL CHECK (kind IN ('USER', 'GROUP')),
  source_key   TEXT    NOT NULL,
  target_id    TEXT    NOT NULL,
  content_hash TEXT    NOT NULL,
  disabled     INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  synced_at    TEXT    NOT NULL,
  PRIMARY KEY (kind, source_key),
  UNIQUE (kind, target_id)
) WITHOUT ROWID;

-- Memberships pushed to the target (source keys), which the target may not be able to list.
CREATE TABLE membership (
  group_key TEXT NOT NULL,
  user_key  TEXT NOT NULL,
  PRIMARY KEY (group_key, user_key)
) WITHOUT ROWID;

CREATE INDEX membership_by_user ON membership (user_key);

CREATE TABLE run (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  triggered_by TEXT    NOT NULL,
  full_run     INTEGER NOT NULL CHECK (full_run IN (0, 1)),
  dry_run      INTEGER NOT NULL CHECK (dry_run IN (0, 1)),
  started_at   TEXT    NOT NULL,
  finished_at  TEXT,
  status       TEXT    NOT NULL DEFAULT 'RUNNING'
               CHECK (status IN ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'STOPPED_BY_GUARD', 'FAILED')),
  planned      INTEGER,
  applied      INTEGER,
  failed       INTEGER,
  message      TEXT
);

CREATE INDEX run_last_full ON run (full_run, dry_run, status, finished_at);

-- Every change, journaled before it is sent and completed after the target answered.
CREATE TABLE journal (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id            INTEGER NOT NULL REFERENCES run (id),
  change            TEXT    NOT NULL,
  object_kind       TEXT    NOT NULL CHECK (object_kind IN ('USER', 'GROUP')),
  source_key        TEXT    NOT NULL,
  target_id         TEXT,
  label             TEXT    NOT NULL,
  attributes        TEXT    NOT NULL,
  started_at        TEXT    NOT NULL,
  finished_at       TEXT,
  result            TEXT CHECK (result IN ('APPLIED', 'FAILED', 'SKIPPED')),
  http_status       INTEGER,
  outcome_target_id TEXT,
  error             TEXT,
  settled           INTEGER NOT NULL DEFAULT 0 CHECK (settled IN (0, 1))
);

CREATE INDEX journal_by_run ON journal (run_id, id);
CREATE INDEX journal_unfinished ON journal (id) WHERE result IS NULL AND settled = 0;
