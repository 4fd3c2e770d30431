-- scim-sync state store on PostgreSQL, schema 9: the state of several targets in one database
-- schema (see db/migration/sqlite/V9). Everything a schema 8 database held becomes the state of the
-- target 'default'; run ids stay unique across targets; run_details stays keyed by run_id. The
-- clustered service's tables (schema 6) are shared by all targets and unchanged.
-- PostgreSQL alters keys in place; the column's default only fills the existing rows and is
-- dropped, so that every statement must name its target.

-- Links: a target object belongs to one source object of the same target.
ALTER TABLE link ADD COLUMN target text NOT NULL DEFAULT 'default';
ALTER TABLE link ALTER COLUMN target DROP DEFAULT;
ALTER TABLE link DROP CONSTRAINT link_pkey;
ALTER TABLE link DROP CONSTRAINT link_kind_target_id_key;
ALTER TABLE link ADD PRIMARY KEY (target, kind, source_key);
ALTER TABLE link ADD UNIQUE (target, kind, target_id);

-- Memberships pushed to each target.
ALTER TABLE membership ADD COLUMN target text NOT NULL DEFAULT 'default';
ALTER TABLE membership ALTER COLUMN target DROP DEFAULT;
ALTER TABLE membership DROP CONSTRAINT membership_pkey;
ALTER TABLE membership ADD PRIMARY KEY (target, group_key, user_key);
DROP INDEX membership_by_user;
CREATE INDEX membership_by_user ON membership (target, user_key);

-- The run history: one sequence of ids for all targets, read per target.
ALTER TABLE run ADD COLUMN target text NOT NULL DEFAULT 'default';
ALTER TABLE run ALTER COLUMN target DROP DEFAULT;
DROP INDEX run_last_full;
CREATE INDEX run_last_full ON run (target, full_run, dry_run, status, finished_at);
CREATE INDEX run_by_target ON run (target, id);

-- The journal carries its run's target, so that a target's unfinished changes are an index read.
ALTER TABLE journal ADD COLUMN target text NOT NULL DEFAULT 'default';
ALTER TABLE journal ALTER COLUMN target DROP DEFAULT;
DROP INDEX journal_unfinished;
CREATE INDEX journal_unfinished ON journal (target, id) WHERE result IS NULL AND settled = 0;

-- The mapping memo of each target, and the fingerprint of the rules it is valid for (schema 3 to 8
-- kept the one fingerprint in store_meta under 'mapping_rules').
ALTER TABLE mapping_memo ADD COLUMN target text NOT NULL DEFAULT 'default';
ALTER TABLE mapping_memo ALTER COLUMN target DROP DEFAULT;
ALTER TABLE mapping_memo DROP CONSTRAINT mapping_memo_pkey;
ALTER TABLE mapping_memo ADD PRIMARY KEY (target, source_key);

CREATE TABLE mapping_rules (
  target      text NOT NULL PRIMARY KEY,
  fingerprint text NOT NULL
);
INSERT INTO mapping_rules (target, fingerprint)
  SELECT 'default', value FROM store_meta WHERE name = 'mapping_rules';
DELETE FROM store_meta WHERE name = 'mapping_rules';

-- At most one steady state per target.
ALTER TABLE steady_state ADD COLUMN target text NOT NULL DEFAULT 'default';
ALTER TABLE steady_state ALTER COLUMN target DROP DEFAULT;
ALTER TABLE steady_state DROP CONSTRAINT steady_state_pkey;
ALTER TABLE steady_state DROP COLUMN id;
ALTER TABLE steady_state ADD PRIMARY KEY (target);

-- What runs learned of each target's capabilities.
ALTER TABLE target_capability ADD COLUMN target text NOT NULL DEFAULT 'default';
ALTER TABLE target_capability ALTER COLUMN target DROP DEFAULT;
ALTER TABLE target_capability DROP CONSTRAINT target_capability_pkey;
ALTER TABLE target_capability ADD PRIMARY KEY (target, name);

-- At most one change checkpoint of the directory per target.
ALTER TABLE source_checkpoint ADD COLUMN target text NOT NULL DEFAULT 'default';
ALTER TABLE source_checkpoint ALTER COLUMN target DROP DEFAULT;
ALTER TABLE source_checkpoint DROP CONSTRAINT source_checkpoint_pkey;
ALTER TABLE source_checkpoint DROP COLUMN id;
ALTER TABLE source_checkpoint ADD PRIMARY KEY (target);
