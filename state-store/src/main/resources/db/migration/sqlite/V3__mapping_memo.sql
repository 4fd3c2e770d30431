-- scim-sync state store, schema 3: what each source user mapped to, so that a run maps again only
-- the users whose directory entry changed. Valid for the rules whose fingerprint is stored in
-- store_meta under 'mapping_rules'; a cache only, which scim-sync may empty at any time.
-- Fingerprints, userNames and hashes only: never a secret.
CREATE TABLE mapping_memo (
  source_key         TEXT NOT NULL PRIMARY KEY,
  source_fingerprint TEXT NOT NULL,
  user_name          TEXT NOT NULL,
  content_hash       TEXT NOT NULL
) WITHOUT ROWID;
