package org.scimsync.sources.ldap.changes;

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
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.scimsync.sources.ldap.LdapConnector;
import org.scimsync.sources.ldap.LdapFailures;
import org.scimsync.sources.ldap.LdapSnapshotBuilder;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.PagedSearch;
import org.scimsync.sources.read.ObjectSid;

/**
 * The searches {@link Neighbourhood} makes around a changed entry, each counting the entries the
 * server sent: the groups that list an entry, an entry by DN through a filter, users by {@code
 * uid}, and Active Directory's primary groups in both directions.
 */
final class NeighbourSearches {

  static final String MEMBER_UID = "memberUid";
  private static final String OBJECT_SID = "objectSid";
  private static final int FILTER_BATCH = 50;

  private final LdapSourceConfig config;
  private final LdapConnector.BoundConnection bound;
  private final PagedSearch search;
  private long entriesRead;

  NeighbourSearches(
      LdapSourceConfig config, LdapConnector.BoundConnection bound, PagedSearch search) {
    this.config = config;
    this.bound = bound;
    this.search = search;
  }

  /** Entries the server sent to these searches so far. */
  long entriesRead() {
    return entriesRead;
  }

  /** Every value of a member attribute of a group (range retrieval in Active Directory). */
  List<String> members(Entry group, String attribute) {
    return search.allValues(group, attribute);
  }

  /**
   * The groups listing {@code child} directly, by DN or (a user's) uid.
   *
   * @param withMembers read the groups whole, members included; else only their key, name and
   *     (Active Directory) SID, which is all a group above a changed entry contributes to it
   */
  List<Entry> groupsListing(Entry child, boolean withMembers) {
    List<Filter> any = new ArrayList<>();
    for (String attribute : config.memberAttributes()) {
      if (attribute.equalsIgnoreCase(MEMBER_UID)) {
        String[] uids = child.getAttributeValues("uid");
        if (uids != null) {
          for (String uid : uids) {
            any.add(Filter.createEqualityFilter(attribute, uid));
          }
        }
      } else {
        any.add(Filter.createEqualityFilter(attribute, child.getDN()));
      }
    }
    return any.isEmpty() ? List.of() : groups(Filter.createORFilter(any), withMembers);
  }

  /** Active Directory: the group a user's {@code primaryGroupID} names (none elsewhere). */
  List<Entry> primaryGroupOf(Entry user) {
    String attribute = LdapSnapshotBuilder.primaryGroupAttribute(config);
    String sid = ObjectSid.toText(user.getAttributeValueBytes(OBJECT_SID));
    String rid = attribute == null ? null : user.getAttributeValue(attribute);
    if (sid == null || rid == null) {
      return List.of();
    }
    try {
      String groupSid = ObjectSid.withRid(sid, Long.parseLong(rid.trim()));
      return groups(Filter.createEqualityFilter(OBJECT_SID, ObjectSid.toBytes(groupSid)), false);
    } catch (NumberFormatException e) {
      return List.of();
    }
  }

  /** Active Directory: the users whose primary group {@code group} is, to {@code found}. */
  void primaryMembersOf(Entry group, Consumer<Entry> found) {
    String attribute = LdapSnapshotBuilder.primaryGroupAttribute(config);
    String sid = ObjectSid.toText(group.getAttributeValueBytes(OBJECT_SID));
    if (attribute == null || sid == null) {
      return;
    }
    String rid = sid.substring(sid.lastIndexOf('-') + 1);
    users(Filter.createEqualityFilter(attribute, rid), found);
  }

  /** The users with these uids, to {@code found}, in batches of OR filters. */
  void usersByUid(Collection<String> uids, Consumer<Entry> found) {
    List<Filter> batch = new ArrayList<>();
    for (String uid : uids) {
      batch.add(Filter.createEqualityFilter("uid", uid));
      if (batch.size() == FILTER_BATCH) {
        users(Filter.createORFilter(batch), found);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      users(Filter.createORFilter(batch), found);
    }
  }

  /** The entry at {@code dn} if it matches {@code filter}; null if not, or if there is none. */
  @Nullable Entry entry(String dn, String filter, List<String> attributes) {
    SearchRequest request =
        new SearchRequest(dn, SearchScope.BASE, parse(filter), attributes.toArray(String[]::new));
    request.setResponseTimeoutMillis(config.searchTimeout().toMillis());
    try {
      SearchResult result = bound.connection().search(request);
      entriesRead += result.getEntryCount();
      List<SearchResultEntry> entries = result.getSearchEntries();
      return entries.isEmpty() ? null : entries.get(0);
    } catch (LDAPSearchException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        return null;
      }
      throw LdapFailures.of(bound.server(), "reading " + dn, e);
    }
  }

  private void users(Filter condition, Consumer<Entry> found) {
    String filter = Filter.createANDFilter(parse(config.userFilter()), condition).toString();
    for (String base : config.userBases()) {
      entriesRead +=
          search.forEach(
              "user search",
              base,
              filter,
              LdapSnapshotBuilder.userReferenceAttributes(config),
              found::accept);
    }
  }

  private List<Entry> groups(Filter condition, boolean withMembers) {
    String filter = Filter.createANDFilter(parse(config.groupFilter()), condition).toString();
    List<Entry> found = new ArrayList<>();
    for (String base : config.groupBases()) {
      entriesRead +=
          search.forEach(
              "group search",
              base,
              filter,
              withMembers
                  ? LdapSnapshotBuilder.groupAttributes(config)
                  : LdapSnapshotBuilder.groupNameAttributes(config),
              found::add);
    }
    return found;
  }

  private Filter parse(String filter) {
    try {
      return Filter.create(filter);
    } catch (LDAPException e) {
      throw LdapFailures.of(bound.server(), "parsing the filter " + filter, e);
    }
  }
}
