-- scim-sync state store on PostgreSQL, schema 3: what each source user mapped to (see
-- db/migration/sqlite/V3). A cache only; never a secret.
CREATE TABLE mapping_memo (
  source_key         text NOT NULL PRIMARY KEY,
  source_fingerprint text NOT NULL,
  user_name          text NOT NULL,
  content_hash       text NOT NULL
);
