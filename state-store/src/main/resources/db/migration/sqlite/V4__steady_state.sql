-- scim-sync state store, schema 4: the last run that planned no change, and the fingerprint of the
-- inputs it planned from. While the inputs are the same and no run has started since, an
-- incremental run plans no change either and need not read the directory. At most one row; a cache
-- only, deleted before every run that may write. Warnings name directory entries: never a secret.
CREATE TABLE steady_state (
  id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  inputs      TEXT    NOT NULL,
  run_id      INTEGER NOT NULL,
  unchanged   INTEGER NOT NULL,
  warnings    TEXT    NOT NULL
);
