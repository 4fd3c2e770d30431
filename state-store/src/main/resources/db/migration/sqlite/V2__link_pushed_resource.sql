-- scim-sync state store, schema 2: the resource as last pushed, per link.
-- The canonical JSON (keys sorted) of the mapped resource the engine last created, patched or
-- adopted the target object with: directory attributes only, never a secret. An incremental run
-- diffs a changed object against it instead of reading the target. NULL when unknown (links
-- written by schema 1, or repaired after a killed run).
ALTER TABLE link ADD COLUMN pushed_resource TEXT;
