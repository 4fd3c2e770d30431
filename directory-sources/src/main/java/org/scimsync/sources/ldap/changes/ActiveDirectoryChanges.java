package org.scimsync.sources.ldap.changes;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.sources.ldap.LdapConnector;
import org.scimsync.sources.ldap.LdapFailures;
import org.scimsync.sources.ldap.LdapSnapshotBuilder;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.PagedSearch;
import org.scimsync.sources.ldap.changes.FullReadNeeded.Reason;
import org.scimsync.sources.read.EntryAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One change read from an Active Directory domain controller: users and groups whose {@code
 * uSNChanged} is above the checkpoint's {@code highestCommittedUSN}, and the tombstones of deleted
 * objects in the domain's Deleted Objects container above it. Plain searches any account can make:
 * unlike DirSync, no "Replicating Directory Changes" right, and whole entries rather than the
 * changed attributes only.
 */
final class ActiveDirectoryChanges {

  /** The Show Deleted control: tombstones are returned. */
  static final String SHOW_DELETED = "1.2.840.113556.1.4.417";

  /** The well-known GUID of the Deleted Objects container. */
  private static final String DELETED_OBJECTS = "18E2EA80684F11D2B9AA00C04F79F805";

  private static final Logger LOG = LoggerFactory.getLogger(ActiveDirectoryChanges.class);

  private final LdapSourceConfig config;
  private final LdapConnector.BoundConnection bound;
  private final Checkpoint from;
  private final int maxChanges;

  ActiveDirectoryChanges(
      LdapSourceConfig config,
      LdapConnector.BoundConnection bound,
      Checkpoint from,
      int maxChanges) {
    this.config = config;
    this.bound = bound;
    this.from = from;
    this.maxChanges = maxChanges;
  }

  ChangeRead read() {
    ServerIdentity identity =
        ServerIdentity.activeDirectory(bound.connection(), bound.server(), config.userBase());
    if (!identity.identity().equals(from.server())) {
      return new FullReadNeeded(
          Reason.OTHER_SERVER,
          bound.server()
              + ": another domain controller or a restored one (invocationId "
              + identity.identity()
              + ", the checkpoint's "
              + from.server()
              + "); its uSNChanged values are its own");
    }
    long last;
    long now;
    try {
      last = Long.parseLong(String.valueOf(from.position(Checkpoint.USN)));
      now = Long.parseLong(String.valueOf(identity.position()));
    } catch (NumberFormatException e) {
      return new FullReadNeeded(Reason.UNREADABLE_CHECKPOINT, "the checkpoint has no USN");
    }
    if (now < last) {
      return new FullReadNeeded(
          Reason.OTHER_SERVER,
          bound.server() + ": highestCommittedUSN " + now + " is below the checkpoint's " + last);
    }
    Filter changed = Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(last + 1));
    PagedSearch search = PagedSearch.of(bound, config);
    List<Entry> users = new ArrayList<>();
    List<Entry> groups = new ArrayList<>();
    for (String base : config.userBases()) {
      search.forEach(
          "user search",
          base,
          Filter.createANDFilter(parse(config.userFilter()), changed).toString(),
          LdapSnapshotBuilder.userAttributes(config),
          users::add);
    }
    for (String base : config.groupBases()) {
      search.forEach(
          "group search",
          base,
          Filter.createANDFilter(parse(config.groupFilter()), changed).toString(),
          LdapSnapshotBuilder.groupAttributes(config),
          groups::add);
    }
    Set<String> deleted = deletedSince(identity.namingContext(), changed);
    if (deleted != null && !deleted.isEmpty() && !keyedByGuid()) {
      return new FullReadNeeded(
          Reason.UNKEYED_DELETIONS,
          deleted.size()
              + " objects were deleted, whose tombstones keep their objectGUID, while the keys are "
              + config.userKey()
              + " and "
              + config.groupKey());
    }
    Checkpoint next =
        new Checkpoint(
            ChangeMechanism.USN_CHANGED,
            from.server(),
            from.settings(),
            Map.of(Checkpoint.USN, Long.toString(now)));
    return ChangeSets.of(
        config,
        bound,
        users,
        groups,
        deleted == null ? Set.of() : deleted,
        deleted != null,
        next,
        ChangeMechanism.USN_CHANGED,
        maxChanges);
  }

  /**
   * The objectGUIDs of objects deleted since the checkpoint whose last parent was under a user or
   * group base; null when the account cannot see tombstones (Active Directory shows the container
   * but hides its contents from accounts without the List Contents right on it: deletions are then
   * left to full reads).
   */
  private @Nullable Set<String> deletedSince(String namingContext, Filter changed) {
    Filter deleted = Filter.createEqualityFilter("isDeleted", "TRUE");
    SearchResult result;
    try {
      result = tombstones(namingContext, Filter.createANDFilter(deleted, changed), 0);
      if (result.getEntryCount() == 0 && !seesTombstones(namingContext, deleted)) {
        LOG.warn(
            "source={} account={} sees no tombstone in the Deleted Objects container; deletions"
                + " are found by full runs only (grant it List Contents and Read Property there:"
                + " dsacls \"CN=Deleted Objects,{}\" /takeownership, then /G <account>:LCRP)",
            bound.server(),
            config.bindDn(),
            namingContext);
        return null;
      }
    } catch (LDAPSearchException e) {
      if (e.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS
          || e.getResultCode() == ResultCode.NO_SUCH_OBJECT
          || e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
        LOG.warn(
            "source={} the Deleted Objects container cannot be read ({}); deletions are found by"
                + " full runs only",
            bound.server(),
            e.getResultCode());
        return null;
      }
      throw LdapFailures.of(bound.server(), "reading the Deleted Objects container", e);
    }
    Set<String> keys = new LinkedHashSet<>();
    for (SearchResultEntry entry : result.getSearchEntries()) {
      if (!"TRUE".equalsIgnoreCase(entry.getAttributeValue("isDeleted"))) {
        continue;
      }
      String parent = entry.getAttributeValue("lastKnownParent");
      if (parent != null && !underBases(parent)) {
        continue;
      }
      String key = EntryAttributes.key(entry, "objectGUID");
      if (key != null) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** Whether the account sees any tombstone at all (none: it lacks the right to list them). */
  private boolean seesTombstones(String namingContext, Filter deleted) throws LDAPSearchException {
    try {
      return tombstones(namingContext, deleted, 1).getEntryCount() > 0;
    } catch (LDAPSearchException e) {
      if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
        return true;
      }
      throw e;
    }
  }

  private SearchResult tombstones(String namingContext, Filter filter, int sizeLimit)
      throws LDAPSearchException {
    SearchRequest request =
        new SearchRequest(
            "<WKGUID=" + DELETED_OBJECTS + "," + namingContext + ">",
            // the tombstones, not the container (which has isDeleted: TRUE itself)
            SearchScope.ONE,
            filter,
            "objectGUID",
            "lastKnownParent",
            "isDeleted");
    request.addControl(new Control(SHOW_DELETED, true));
    request.setSizeLimit(sizeLimit);
    request.setResponseTimeoutMillis(config.searchTimeout().toMillis());
    return bound.connection().search(request);
  }

  private boolean keyedByGuid() {
    return config.userKey().equalsIgnoreCase("objectGUID")
        && config.groupKey().equalsIgnoreCase("objectGUID");
  }

  private boolean underBases(String dn) {
    try {
      DN parsed = new DN(dn);
      for (String base : config.userBases()) {
        if (parsed.isDescendantOf(base, true)) {
          return true;
        }
      }
      for (String base : config.groupBases()) {
        if (parsed.isDescendantOf(base, true)) {
          return true;
        }
      }
      return false;
    } catch (LDAPException e) {
      return true;
    }
  }

  private Filter parse(String filter) {
    try {
      return Filter.create(filter);
    } catch (LDAPException e) {
      throw LdapFailures.of(bound.server(), "parsing the filter " + filter, e);
    }
  }
}
