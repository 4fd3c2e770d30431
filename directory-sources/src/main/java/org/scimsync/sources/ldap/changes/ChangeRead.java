package org.scimsync.sources.ldap.changes;

/**
 * What {@link LdapChangeReader#readChanges} found: the {@link DirectoryChanges} since the
 * checkpoint, or that only a {@link FullReadNeeded full read} can tell what the directory holds.
 */
public sealed interface ChangeRead permits DirectoryChanges, FullReadNeeded {}
