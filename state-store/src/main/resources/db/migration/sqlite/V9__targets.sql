-- scim-sync state store, schema 9: the state of several targets in one file. One configuration may
-- sync the directory to several SCIM targets; each target has its own links, memberships, runs,
-- journal, mapping memo (and rules fingerprint), steady state, capabilities and change checkpoint,
-- under its name (org.scimsync.engine.state.TargetNames: lower-case letters, digits and '-').
-- Everything a schema 8 file held becomes the state of the target 'default'. Run ids stay unique
-- across targets (one run table), so a run is found by its id whichever target it belongs to;
-- run_details stays keyed by run_id. Target names are configuration, never a secret.
--
-- SQLite cannot change a primary key: the tables whose key gains the target are recreated (create
-- the new table, copy the rows with 'default', drop the old one, rename, recreate the indexes).
-- run and journal keep their key (id), referenced by journal and run_details, and gain the column
-- with ALTER TABLE; SQLite keeps its DEFAULT 'default', which the store never relies on (every
-- statement names the target).

-- Links: a target object belongs to one source object of the same target.
CREATE TABLE link_v9 (
  target          TEXT    NOT NULL,
  kind            TEXT    NOT NULL CHECK (kind IN ('USER', 'GROUP')),
  source_key      TEXT    NOT NULL,
  target_id       TEXT    NOT NULL,
  content_hash    TEXT    NOT NULL,
  disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  synced_at       TEXT    NOT NULL,
  pushed_resource TEXT,
  PRIMARY KEY (target, kind, source_key),
  UNIQUE (target, kind, target_id)
) WITHOUT ROWID;
INSERT INTO link_v9 (target, kind, source_key, target_id, content_hash, disabled, synced_at,
                     pushed_resource)
  SELECT 'default', kind, source_key, target_id, content_hash, disabled, synced_at, pushed_resource
  FROM link;
DROP TABLE link;
ALTER TABLE link_v9 RENAME TO link;

-- Memberships pushed to each target.
CREATE TABLE membership_v9 (
  target    TEXT NOT NULL,
  group_key TEXT NOT NULL,
  user_key  TEXT NOT NULL,
  PRIMARY KEY (target, group_key, user_key)
) WITHOUT ROWID;
INSERT INTO membership_v9 (target, group_key, user_key)
  SELECT 'default', group_key, user_key FROM membership;
DROP TABLE membership;
ALTER TABLE membership_v9 RENAME TO membership;
CREATE INDEX membership_by_user ON membership (target, user_key);

-- The run history: one sequence of ids for all targets, read per target.
ALTER TABLE run ADD COLUMN target TEXT NOT NULL DEFAULT 'default';
DROP INDEX run_last_full;
CREATE INDEX run_last_full ON run (target, full_run, dry_run, status, finished_at);
CREATE INDEX run_by_target ON run (target, id);

-- The journal carries its run's target, so that a target's unfinished changes are an index read.
ALTER TABLE journal ADD COLUMN target TEXT NOT NULL DEFAULT 'default';
DROP INDEX journal_unfinished;
CREATE INDEX journal_unfinished ON journal (target, id) WHERE result IS NULL AND settled = 0;

-- The mapping memo of each target, valid for the rules whose fingerprint mapping_rules keeps for
-- that target (schema 3 to 8 kept the one fingerprint in store_meta under 'mapping_rules').
CREATE TABLE mapping_memo_v9 (
  target             TEXT NOT NULL,
  source_key         TEXT NOT NULL,
  source_fingerprint TEXT NOT NULL,
  user_name          TEXT NOT NULL,
  content_hash       TEXT NOT NULL,
  PRIMARY KEY (target, source_key)
) WITHOUT ROWID;
INSERT INTO mapping_memo_v9 (target, source_key, source_fingerprint, user_name, content_hash)
  SELECT 'default', source_key, source_fingerprint, user_name, content_hash FROM mapping_memo;
DROP TABLE mapping_memo;
ALTER TABLE mapping_memo_v9 RENAME TO mapping_memo;

CREATE TABLE mapping_rules (
  target      TEXT NOT NULL PRIMARY KEY,
  fingerprint TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO mapping_rules (target, fingerprint)
  SELECT 'default', value FROM store_meta WHERE name = 'mapping_rules';
DELETE FROM store_meta WHERE name = 'mapping_rules';

-- At most one steady state per target.
CREATE TABLE steady_state_v9 (
  target      TEXT    NOT NULL PRIMARY KEY,
  inputs      TEXT    NOT NULL,
  run_id      INTEGER NOT NULL,
  unchanged   INTEGER NOT NULL,
  warnings    TEXT    NOT NULL
);
INSERT INTO steady_state_v9 (target, inputs, run_id, unchanged, warnings)
  SELECT 'default', inputs, run_id, unchanged, warnings FROM steady_state;
DROP TABLE steady_state;
ALTER TABLE steady_state_v9 RENAME TO steady_state;

-- What runs learned of each target's capabilities.
CREATE TABLE target_capability_v9 (
  target TEXT NOT NULL,
  name   TEXT NOT NULL,
  value  TEXT NOT NULL,
  PRIMARY KEY (target, name)
);
INSERT INTO target_capability_v9 (target, name, value)
  SELECT 'default', name, value FROM target_capability;
DROP TABLE target_capability;
ALTER TABLE target_capability_v9 RENAME TO target_capability;

-- At most one change checkpoint of the directory per target: targets synced at different times
-- continue reading the directory's changes from different points.
CREATE TABLE source_checkpoint_v9 (
  target      TEXT NOT NULL PRIMARY KEY,
  inputs      TEXT NOT NULL,
  checkpoint  TEXT NOT NULL
);
INSERT INTO source_checkpoint_v9 (target, inputs, checkpoint)
  SELECT 'default', inputs, checkpoint FROM source_checkpoint;
DROP TABLE source_checkpoint;
ALTER TABLE source_checkpoint_v9 RENAME TO source_checkpoint;
