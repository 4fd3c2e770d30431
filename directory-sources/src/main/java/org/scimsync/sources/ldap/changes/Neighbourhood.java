package org.scimsync.sources.ldap.changes;

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
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.sources.assembly.NestedGroups;
import org.scimsync.sources.ldap.LdapConnector;
import org.scimsync.sources.ldap.LdapFailures;
import org.scimsync.sources.ldap.LdapSnapshotBuilder;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.PagedSearch;
import org.scimsync.sources.read.DnReferences;
import org.scimsync.sources.read.ObjectSid;

/**
 * Resolves changed entries into the values a full read would give them, reading only their
 * surroundings: the groups above a changed user or group (searched by member value), and the
 * members of a changed group and of the groups below it (read by DN, or by {@code uid} and primary
 * group). Everything read goes through {@link LdapSnapshotBuilder}, the full read's own conversion,
 * so keys, attributes, nesting and warnings are those of a full read. One instance per change read.
 */
final class Neighbourhood {

  private static final String MEMBER_UID = "memberUid";
  private static final String OBJECT_SID = "objectSid";
  private static final int FILTER_BATCH = 50;

  private final LdapSourceConfig config;
  private final LdapConnector.BoundConnection bound;
  private final PagedSearch search;
  private final boolean flatten;
  private final List<DN> userBases = new ArrayList<>();
  private final List<DN> groupBases = new ArrayList<>();
  private final DnReferences references = new DnReferences();
  private final Map<String, Entry> users = new LinkedHashMap<>();
  private final Set<String> changedUsers = new LinkedHashSet<>();
  private final Map<String, Entry> groups = new LinkedHashMap<>();
  private final Set<String> emitted = new LinkedHashSet<>();
  private final Set<String> absent = new HashSet<>();
  private long entriesRead;

  Neighbourhood(LdapSourceConfig config, LdapConnector.BoundConnection bound, PagedSearch search) {
    this.config = config;
    this.bound = bound;
    this.search = search;
    this.flatten = config.nested() == NestedGroups.FLATTEN;
    try {
      for (String base : config.userBases()) {
        userBases.add(new DN(base));
      }
      for (String base : config.groupBases()) {
        groupBases.add(new DN(base));
      }
    } catch (LDAPException e) {
      throw LdapFailures.of(bound.server(), "parsing the bases", e);
    }
  }

  /** The users and groups to report, and warnings about them. */
  record Resolved(List<SourceUser> users, List<SourceGroup> groups, List<String> warnings) {}

  /** Entries read so far to resolve the changes (the changed entries themselves not counted). */
  long entriesRead() {
    return entriesRead;
  }

  /** Resolves changed users and groups. */
  Resolved resolve(List<? extends Entry> changedUserEntries, List<? extends Entry> changedGroups) {
    for (Entry user : changedUserEntries) {
      String dn = normalize(user.getDN());
      if (dn != null && users.putIfAbsent(dn, user) == null) {
        changedUsers.add(dn);
      }
    }
    for (Entry group : changedGroups) {
      String dn = normalize(group.getDN());
      if (dn != null && groups.putIfAbsent(dn, group) == null) {
        emitted.add(dn);
      }
    }
    if (flatten) {
      // the groups above a changed group have changed flattened members: report them too
      Deque<String> above = new ArrayDeque<>(emitted);
      while (!above.isEmpty()) {
        for (Entry parent : parentsOf(groups.get(above.pop()))) {
          String dn = normalize(parent.getDN());
          if (dn != null && emitted.add(dn)) {
            groups.putIfAbsent(dn, parent);
            above.push(dn);
          }
        }
      }
    }
    readMembersBelow(List.copyOf(emitted));
    for (String dn : changedUsers) {
      addGroupsAbove(users.get(dn));
    }
    if (!flatten) {
      for (String dn : List.copyOf(emitted)) {
        addGroupsAbove(groups.get(dn));
      }
    }
    return build();
  }

  /** Reads the members of {@code start} and, when flattening, of every group below them. */
  private void readMembersBelow(List<String> start) {
    Deque<String> pending = new ArrayDeque<>(start);
    Set<String> visited = new HashSet<>();
    Set<String> uids = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      String groupDn = pending.pop();
      if (!visited.add(groupDn)) {
        continue;
      }
      Entry group = groups.get(groupDn);
      for (String attribute : config.memberAttributes()) {
        List<String> values = search.allValues(group, attribute);
        if (attribute.equalsIgnoreCase(MEMBER_UID)) {
          uids.addAll(values);
          continue;
        }
        for (String value : values) {
          String member = normalize(value);
          if (member == null || users.containsKey(member) || absent.contains(member)) {
            continue;
          }
          if (!groups.containsKey(member) && !lookUp(value, member)) {
            continue;
          }
          if (groups.containsKey(member) && flatten) {
            pending.push(member);
          }
        }
      }
      readPrimaryMembers(group);
    }
    readUsersByUid(uids);
  }

  /** Reads the entry at {@code dn} as a user or a group of this source; false if it is neither. */
  private boolean lookUp(String dn, String normalized) {
    DN parsed;
    try {
      parsed = new DN(dn);
    } catch (LDAPException e) {
      absent.add(normalized);
      return false;
    }
    if (isUnder(parsed, userBases)) {
      Entry user =
          readEntry(dn, config.userFilter(), LdapSnapshotBuilder.userReferenceAttributes(config));
      if (user != null) {
        users.put(normalized, user);
        return true;
      }
    }
    if (isUnder(parsed, groupBases)) {
      Entry group =
          readEntry(dn, config.groupFilter(), LdapSnapshotBuilder.groupAttributes(config));
      if (group != null) {
        groups.put(normalized, group);
        return true;
      }
    }
    absent.add(normalized);
    return false;
  }

  /** Active Directory: the users whose primary group {@code group} is. */
  private void readPrimaryMembers(Entry group) {
    String attribute = LdapSnapshotBuilder.primaryGroupAttribute(config);
    String sid = ObjectSid.toText(group.getAttributeValueBytes(OBJECT_SID));
    if (attribute == null || sid == null) {
      return;
    }
    String rid = sid.substring(sid.lastIndexOf('-') + 1);
    Filter filter = Filter.createEqualityFilter(attribute, rid);
    for (String base : config.userBases()) {
      searchUsers(base, filter);
    }
  }

  private void readUsersByUid(Set<String> uids) {
    List<Filter> batch = new ArrayList<>();
    for (String uid : uids) {
      batch.add(Filter.createEqualityFilter("uid", uid));
      if (batch.size() == FILTER_BATCH) {
        searchUsersMatching(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      searchUsersMatching(batch);
    }
  }

  private void searchUsersMatching(List<Filter> any) {
    for (String base : config.userBases()) {
      searchUsers(base, Filter.createORFilter(any));
    }
  }

  private void searchUsers(String base, Filter condition) {
    Filter filter = Filter.createANDFilter(parse(config.userFilter()), condition);
    entriesRead +=
        search.forEach(
            "user search",
            base,
            filter.toString(),
            LdapSnapshotBuilder.userReferenceAttributes(config),
            entry -> {
              String dn = normalize(entry.getDN());
              if (dn != null) {
                users.putIfAbsent(dn, entry);
              }
            });
  }

  /** Adds the groups above {@code member} (all of them when flattening; else the direct ones). */
  private void addGroupsAbove(Entry member) {
    List<Entry> direct = new ArrayList<>(parentsOf(member));
    direct.addAll(primaryGroupOf(member));
    Deque<Entry> pending = new ArrayDeque<>();
    Set<String> visited = new HashSet<>();
    for (Entry parent : direct) {
      addParent(parent, pending, visited);
    }
    while (flatten && !pending.isEmpty()) {
      for (Entry parent : parentsOf(pending.pop())) {
        addParent(parent, pending, visited);
      }
    }
  }

  private void addParent(Entry parent, Deque<Entry> pending, Set<String> visited) {
    String dn = normalize(parent.getDN());
    if (dn != null && visited.add(dn)) {
      groups.putIfAbsent(dn, parent);
      pending.push(groups.get(dn));
    }
  }

  /** The groups listing {@code child} directly, by DN or by uid. */
  private List<Entry> parentsOf(Entry child) {
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
    if (any.isEmpty()) {
      return List.of();
    }
    return searchGroups(Filter.createORFilter(any));
  }

  /** Active Directory: the group a user's {@code primaryGroupID} names. */
  private List<Entry> primaryGroupOf(Entry user) {
    String attribute = LdapSnapshotBuilder.primaryGroupAttribute(config);
    String sid = ObjectSid.toText(user.getAttributeValueBytes(OBJECT_SID));
    String rid = attribute == null ? null : user.getAttributeValue(attribute);
    if (sid == null || rid == null) {
      return List.of();
    }
    try {
      String groupSid = ObjectSid.withRid(sid, Long.parseLong(rid.trim()));
      return searchGroups(Filter.createEqualityFilter(OBJECT_SID, ObjectSid.toBytes(groupSid)));
    } catch (NumberFormatException e) {
      return List.of();
    }
  }

  private List<Entry> searchGroups(Filter condition) {
    Filter filter = Filter.createANDFilter(parse(config.groupFilter()), condition);
    List<Entry> found = new ArrayList<>();
    for (String base : config.groupBases()) {
      entriesRead +=
          search.forEach(
              "group search",
              base,
              filter.toString(),
              LdapSnapshotBuilder.groupAttributes(config),
              found::add);
    }
    return found;
  }

  /** The entry at {@code dn} if it matches {@code filter}; null if not, or if there is none. */
  private @Nullable Entry readEntry(String dn, String filter, List<String> attributes) {
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

  private Resolved build() {
    LdapSnapshotBuilder builder = new LdapSnapshotBuilder(config, Instant.now());
    String server = bound.server();
    Set<String> reported = new HashSet<>();
    for (String dn : changedUsers) {
      builder.addUser(server, users.get(dn));
      reported.add(origin(server, users.get(dn)));
    }
    users.forEach(
        (dn, entry) -> {
          if (!changedUsers.contains(dn)) {
            builder.addUser(server, entry);
          }
        });
    groups.forEach((dn, entry) -> builder.addGroup(server, entry, search::allValues));
    for (String dn : emitted) {
      reported.add(origin(server, groups.get(dn)));
    }
    DirectorySnapshot snapshot = builder.build("changes", Instant.now());
    Set<String> userDns = new HashSet<>(changedUsers);
    List<SourceUser> changed = new ArrayList<>();
    for (SourceUser user : snapshot.users()) {
      if (user.dn() != null && userDns.contains(normalize(user.dn()))) {
        changed.add(user);
      }
    }
    List<SourceGroup> changedGroups = new ArrayList<>();
    for (SourceGroup group : snapshot.groups()) {
      if (group.dn() != null && emitted.contains(normalize(group.dn()))) {
        changedGroups.add(group);
      }
    }
    List<String> warnings = new ArrayList<>();
    for (String warning : snapshot.warnings()) {
      for (String origin : reported) {
        if (warning.startsWith(origin + ":")) {
          warnings.add(warning);
          break;
        }
      }
    }
    return new Resolved(changed, changedGroups, warnings);
  }

  private static String origin(String server, Entry entry) {
    return server + " entry " + entry.getDN();
  }

  private @Nullable String normalize(String dn) {
    return references.normalize(dn);
  }

  private static boolean isUnder(DN dn, List<DN> bases) {
    for (DN base : bases) {
      if (dn.isDescendantOf(base, true)) {
        return true;
      }
    }
    return false;
  }

  private Filter parse(String filter) {
    try {
      return Filter.create(filter);
    } catch (LDAPException e) {
      throw LdapFailures.of(bound.server(), "parsing the filter " + filter, e);
    }
  }
}
