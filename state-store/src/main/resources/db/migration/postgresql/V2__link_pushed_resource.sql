-- scim-sync state store on PostgreSQL, schema 2: the resource as last pushed, per link (see
-- db/migration/sqlite/V2). Canonical JSON text, directory attributes only, never a secret.
ALTER TABLE link ADD COLUMN pushed_resource text;
