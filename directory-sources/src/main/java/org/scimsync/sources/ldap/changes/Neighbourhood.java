package org.scimsync.sources.ldap.changes;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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

/**
 * Resolves changed entries into the values a full read would give them, reading only their
 * surroundings: the groups above a changed user or group (searched by member value), and the
 * members of a changed group and of the groups below it (read by DN, or by {@code uid} and primary
 * group). Everything read goes through {@link LdapSnapshotBuilder}, the full read's own conversion,
 * so keys, attributes, nesting and warnings are those of a full read. One instance per change read.
 */
final class Neighbourhood {

  private final LdapSourceConfig config;
  private final LdapConnector.BoundConnection bound;
  private final NeighbourSearches searches;
  private final boolean flatten;
  private final List<DN> userBases = new ArrayList<>();
  private final List<DN> groupBases = new ArrayList<>();
  private final DnReferences references = new DnReferences();
  private final Map<String, Entry> users = new LinkedHashMap<>();
  private final Set<String> changedUsers = new LinkedHashSet<>();
  private final Map<String, Entry> groups = new LinkedHashMap<>();
  private final Set<String> emitted = new LinkedHashSet<>();

  /** Groups read with their members (the others were read by name, as groups above). */
  private final Set<String> whole = new HashSet<>();

  /** For each group read by name: the entries it was found to list. */
  private final Map<String, List<Entry>> edges = new HashMap<>();

  private final Set<String> absent = new HashSet<>();

  Neighbourhood(LdapSourceConfig config, LdapConnector.BoundConnection bound, PagedSearch search) {
    this.config = config;
    this.bound = bound;
    this.searches = new NeighbourSearches(config, bound, search);
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
    return searches.entriesRead();
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
        whole.add(dn);
      }
    }
    if (flatten) {
      // the groups above a changed group have changed flattened members: report them too
      Deque<String> above = new ArrayDeque<>(emitted);
      while (!above.isEmpty()) {
        for (Entry parent : searches.groupsListing(groups.get(above.pop()), true)) {
          String dn = normalize(parent.getDN());
          if (dn != null && emitted.add(dn)) {
            whole.add(dn);
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
        List<String> values = searches.members(group, attribute);
        if (attribute.equalsIgnoreCase(NeighbourSearches.MEMBER_UID)) {
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
      searches.primaryMembersOf(group, this::addUserStub);
    }
    searches.usersByUid(uids, this::addUserStub);
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
          searches.entry(
              dn, config.userFilter(), LdapSnapshotBuilder.userReferenceAttributes(config));
      if (user != null) {
        users.put(normalized, user);
        return true;
      }
    }
    if (isUnder(parsed, groupBases)) {
      Entry group =
          searches.entry(dn, config.groupFilter(), LdapSnapshotBuilder.groupAttributes(config));
      if (group != null) {
        groups.put(normalized, group);
        whole.add(normalized);
        return true;
      }
    }
    absent.add(normalized);
    return false;
  }

  /** Adds the groups above {@code member} (all of them when flattening; else the direct ones). */
  private void addGroupsAbove(Entry member) {
    Deque<Entry> pending = new ArrayDeque<>();
    Set<String> visited = new HashSet<>();
    for (Entry parent : searches.groupsListing(member, false)) {
      addParent(parent, member, pending, visited);
    }
    for (Entry primary : searches.primaryGroupOf(member)) {
      // no member edge: the builder joins users to their primary group by SID
      addParent(primary, null, pending, visited);
    }
    while (flatten && !pending.isEmpty()) {
      Entry child = pending.pop();
      for (Entry parent : searches.groupsListing(child, false)) {
        addParent(parent, child, pending, visited);
      }
    }
  }

  private void addUserStub(Entry entry) {
    String dn = normalize(entry.getDN());
    if (dn != null) {
      users.putIfAbsent(dn, entry);
    }
  }

  /**
   * Records {@code parent} (read without its members) as a group above {@code child} (null: its
   * primary group), to be looked above in turn.
   */
  private void addParent(
      Entry parent, @Nullable Entry child, Deque<Entry> pending, Set<String> visited) {
    String dn = normalize(parent.getDN());
    if (dn == null) {
      return;
    }
    groups.putIfAbsent(dn, parent);
    if (child != null) {
      edges.computeIfAbsent(dn, d -> new ArrayList<>()).add(child);
    }
    if (visited.add(dn)) {
      pending.push(groups.get(dn));
    }
  }

  /**
   * A group read without its members, given as members the entries it was found to list: enough for
   * the names of the groups above a changed entry, without reading a large group's members.
   */
  private Entry withEdges(Entry group, List<Entry> children) {
    Entry copy = group.duplicate();
    String dnAttribute = null;
    for (String attribute : config.memberAttributes()) {
      copy.removeAttribute(attribute);
      if (dnAttribute == null && !attribute.equalsIgnoreCase(NeighbourSearches.MEMBER_UID)) {
        dnAttribute = attribute;
      }
    }
    for (Entry child : children) {
      if (dnAttribute != null) {
        copy.addAttribute(dnAttribute, child.getDN());
      } else {
        String[] uids = child.getAttributeValues("uid");
        if (uids != null) {
          copy.addAttribute(NeighbourSearches.MEMBER_UID, uids);
        }
      }
    }
    return copy;
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
    groups.forEach(
        (dn, entry) -> {
          if (whole.contains(dn)) {
            builder.addGroup(server, entry, searches::members);
          } else {
            builder.addGroup(server, withEdges(entry, edges.getOrDefault(dn, List.of())));
          }
        });
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
}
