-- scim-sync state store on PostgreSQL, schema 5: what runs learned of the target's capabilities
-- (see db/migration/sqlite/V5). Never a secret.
CREATE TABLE target_capability (
  name   text NOT NULL PRIMARY KEY,
  value  text NOT NULL
);
