-- scim-sync state store, schema 6: nothing on SQLite. On PostgreSQL this version adds what the
-- instances of a clustered `serve` share (Quartz's job store, the webhook's replay memory and its
-- trigger ids); one SQLite file serves one instance, whose schedule and webhook memory stay in
-- memory. Kept so that both databases have the same history of versions.
SELECT 1;
