-- scim-sync state store on PostgreSQL, schema 7: where the directory's next change read continues
-- (see db/migration/sqlite/V7). At most one row; a cache only.
CREATE TABLE source_checkpoint (
  id          integer NOT NULL PRIMARY KEY CHECK (id = 1),
  inputs      text    NOT NULL,
  checkpoint  text    NOT NULL
);
