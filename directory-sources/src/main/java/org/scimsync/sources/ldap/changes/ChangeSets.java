package org.scimsync.sources.ldap.changes;

import com.unboundid.ldap.sdk.Entry;
import java.util.List;
import java.util.Set;
import org.scimsync.sources.ldap.LdapConnector;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.PagedSearch;
import org.scimsync.sources.ldap.changes.FullReadNeeded.Reason;

/** Turns the changed entries a mechanism found into {@link DirectoryChanges}. */
final class ChangeSets {

  private ChangeSets() {}

  static ChangeRead of(
      LdapSourceConfig config,
      LdapConnector.BoundConnection bound,
      List<Entry> users,
      List<Entry> groups,
      Set<String> deletedKeys,
      boolean deletionsKnown,
      Checkpoint next,
      ChangeMechanism mechanism,
      int maxChanges) {
    int changed = users.size() + groups.size() + deletedKeys.size();
    if (changed > maxChanges) {
      return new FullReadNeeded(
          Reason.TOO_MANY_CHANGES,
          changed + " entries changed since the checkpoint, more than " + maxChanges);
    }
    Neighbourhood neighbourhood = new Neighbourhood(config, bound, PagedSearch.of(bound, config));
    Neighbourhood.Resolved resolved = neighbourhood.resolve(users, groups);
    return new DirectoryChanges(
        resolved.users(),
        resolved.groups(),
        deletedKeys,
        deletionsKnown,
        resolved.warnings(),
        next.encode(),
        mechanism,
        users.size() + groups.size() + neighbourhood.entriesRead());
  }
}
