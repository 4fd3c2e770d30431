package org.scimsync.sources.ldap.changes;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;

/**
 * What changed in the directory since a checkpoint. Values are the entries' current values, exactly
 * as a full read would give them now (same keys, attributes, account status, member keys, nested
 * groups); an entry changed twice is listed once.
 *
 * <p>Memberships are reported from the group side: a group whose member list changed is in {@link
 * #groups} with its complete current {@code memberKeys}, and with {@code nested: flatten} so are
 * the groups above it (their flattened members changed too). A user whose entry did not change is
 * not listed even when it joined or left a group, or when a group it is in was renamed: its {@code
 * groups} are then out of date, and a caller whose rules read {@code user.groups} refreshes those
 * users with {@link LdapChangeReader#readUsers}.
 *
 * @param users users added or changed (attributes, DN), each with its current groups
 * @param groups groups added or changed, and with {@code nested: flatten} the groups that contain
 *     them, each with its current members and parent groups
 * @param deletedKeys keys of users and groups deleted (which of the two is not known: the entry is
 *     gone; keys are unique across both): the entryUUID (OpenLDAP) or objectGUID (Active Directory)
 *     of the entry, which is its key when the key attributes are the defaults; a deletion under
 *     other keys makes the read a {@link FullReadNeeded}. A key the caller never saw is to be
 *     ignored (an entry outside the filters, an organizational unit).
 * @param deletionsKnown false when the mechanism cannot see deletions ({@link
 *     ChangeMechanism#ENTRY_CSN}): {@code deletedKeys} is then empty, and only a full read finds
 *     the entries deleted since the checkpoint
 * @param warnings entries skipped or altered while reading, as a full read reports them
 * @param checkpoint where the next change read continues; store it only once these changes are
 *     applied (a caller that fails keeps the old one and gets the same changes again)
 * @param mechanism how the changes were found
 * @param entriesRead the entries the server sent for this read (changed entries, and the entries
 *     read to resolve their members and groups), the measure of its cost
 */
public record DirectoryChanges(
    List<SourceUser> users,
    List<SourceGroup> groups,
    Set<String> deletedKeys,
    boolean deletionsKnown,
    List<String> warnings,
    String checkpoint,
    ChangeMechanism mechanism,
    long entriesRead)
    implements ChangeRead {

  public DirectoryChanges {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    deletedKeys = Set.copyOf(deletedKeys);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(mechanism, "mechanism");
  }

  /** Whether nothing changed. */
  public boolean isEmpty() {
    return users.isEmpty() && groups.isEmpty() && deletedKeys.isEmpty();
  }
}
