-- scim-sync state store, schema 7: where the directory's next change read continues (an LDAP
-- server's content synchronization cookie, Active Directory's highest USN of one domain
-- controller), and the fingerprint of the inputs it was taken under. At most one row; a cache only:
-- without it the next run reads the whole directory once. Never a secret.
CREATE TABLE source_checkpoint (
  id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  inputs      TEXT    NOT NULL,
  checkpoint  TEXT    NOT NULL
);
