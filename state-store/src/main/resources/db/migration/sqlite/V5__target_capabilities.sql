-- scim-sync state store, schema 5: what runs learned of the target's capabilities from its answers
-- (members refused on create, a member limit per request, the member removal style, attributes it
-- does not keep, ...), so that the next run does not learn them again. Names and values as in
-- target.capabilities; never a secret.
CREATE TABLE target_capability (
  name   TEXT NOT NULL PRIMARY KEY,
  value  TEXT NOT NULL
);
