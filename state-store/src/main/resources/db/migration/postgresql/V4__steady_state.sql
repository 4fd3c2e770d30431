-- scim-sync state store on PostgreSQL, schema 4: the last run that planned no change (see
-- db/migration/sqlite/V4). At most one row; a cache only.
CREATE TABLE steady_state (
  id          integer NOT NULL PRIMARY KEY CHECK (id = 1),
  inputs      text    NOT NULL,
  run_id      bigint  NOT NULL,
  unchanged   integer NOT NULL,
  warnings    text    NOT NULL
);
