package org.scimsync.sources.ldap;

import com.unboundid.ldap.sdk.SearchResultEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.Attributes;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.sources.assembly.SnapshotAssembler;
import org.scimsync.sources.read.DnReferences;
import org.scimsync.sources.read.EntryAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads users and groups from an LDAP server or Active Directory over one connection (to the first
 * configured server that answers): a paged subtree search for users under each user base, one for
 * groups under each group base, with range retrieval for large member lists (see {@link
 * PagedSearch}). An entry found under two bases is read once. Member DNs are compared in normalised
 * form. A failed, time-limited or size-limited search throws; it never yields a smaller snapshot.
 * Search result references (referrals to other naming contexts) are not followed.
 */
public final class LdapDirectorySource implements DirectorySource {

  private static final Logger log = LoggerFactory.getLogger(LdapDirectorySource.class);

  private final LdapSourceConfig config;
  private final LdapConnector connector;
  private final Set<String> memberAttributes;

  public LdapDirectorySource(LdapSourceConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.connector = new LdapConnector(config);
    this.memberAttributes = EntryAttributes.lowerCase(config.memberAttributes());
  }

  @Override
  public String describe() {
    return "ldap:" + connector.server() + "/" + config.userBase();
  }

  @Override
  public DirectorySnapshot read() {
    Read read = new Read(Instant.now());
    int rangeRequests;
    String server;
    try (LdapConnector.BoundConnection bound = connector.connect()) {
      server = bound.server();
      PagedSearch search =
          new PagedSearch(
              bound.connection(),
              server,
              config.bindDn(),
              config.pageSize(),
              config.searchTimeout());
      List<String> userAttributes = new ArrayList<>(List.of("*", config.userKey()));
      userAttributes.addAll(AccountStatus.attributesOf(config.flavor()));
      if (config.flavor().hasPrimaryGroups()) {
        userAttributes.add(PrimaryGroups.PRIMARY_GROUP_ID);
        userAttributes.add(PrimaryGroups.OBJECT_SID);
      }
      for (String base : config.userBases()) {
        search.forEach(
            "user search",
            base,
            config.userFilter(),
            userAttributes,
            entry -> addUser(server, entry, read));
      }
      List<String> groupAttributes = new ArrayList<>(List.of("*", config.groupKey()));
      groupAttributes.add(config.groupNameAttribute());
      groupAttributes.addAll(config.memberAttributes());
      if (config.flavor().hasPrimaryGroups()) {
        groupAttributes.add(PrimaryGroups.OBJECT_SID);
      }
      for (String base : config.groupBases()) {
        search.forEach(
            "group search",
            base,
            config.groupFilter(),
            groupAttributes,
            entry -> addGroup(server, entry, search, read));
      }
      rangeRequests = search.rangeRequests();
    }
    DirectorySnapshot snapshot = read.assembler.build(describe(), Instant.now());
    log.info(
        "source={} server={} users={} groups={} memberships={} warnings={} rangeRequests={}",
        describe(),
        server,
        snapshot.userCount(),
        snapshot.groupCount(),
        snapshot.membershipCount(),
        snapshot.warnings().size(),
        rangeRequests);
    return snapshot;
  }

  /** The state of one read. */
  private final class Read {
    final Instant now;
    final SnapshotAssembler assembler = new SnapshotAssembler(config.nested());
    final DnReferences references = new DnReferences();
    final MemberUids uids = new MemberUids();
    final PrimaryGroups primaryGroups = new PrimaryGroups();
    final Set<String> seen = new HashSet<>();

    Read(Instant now) {
      this.now = now;
    }
  }

  private void addUser(String server, SearchResultEntry entry, Read read) {
    String origin = server + " entry " + entry.getDN();
    String reference = reference(entry, read, origin);
    if (reference == null) {
      return;
    }
    String key = EntryAttributes.key(entry, config.userKey());
    if (key == null) {
      read.assembler.warn(origin + ": user without " + config.userKey() + "; skipped");
      return;
    }
    Attributes.Builder attributes = EntryAttributes.builder(entry, Set.of());
    AccountStatus.mark(config.flavor(), entry, read.now, attributes, origin, read.assembler::warn);
    if (read.assembler.addUser(reference, key, entry.getDN(), attributes.build(), origin)) {
      read.uids.addUser(entry, reference);
      if (config.flavor().hasPrimaryGroups()) {
        read.primaryGroups.addUser(entry, reference);
      }
    }
  }

  private void addGroup(String server, SearchResultEntry entry, PagedSearch search, Read read) {
    String origin = server + " entry " + entry.getDN();
    String reference = reference(entry, read, origin);
    if (reference == null) {
      return;
    }
    String key = EntryAttributes.key(entry, config.groupKey());
    if (key == null) {
      read.assembler.warn(origin + ": group without " + config.groupKey() + "; skipped");
      return;
    }
    Attributes.Builder attributes = EntryAttributes.builder(entry, memberAttributes);
    String name = EntryAttributes.groupName(entry, config.groupNameAttribute(), attributes);
    List<String> members = new ArrayList<>();
    for (String attribute : config.memberAttributes()) {
      if (MemberUids.holdsUids(attribute)) {
        for (String uid : search.allValues(entry, attribute)) {
          members.add(read.uids.reference(uid));
        }
        continue;
      }
      read.references.addMembers(
          members,
          search.allValues(entry, attribute),
          value ->
              read.assembler.warn(
                  origin + ": " + attribute + " value is not a DN, ignored: " + value));
    }
    if (config.flavor().hasPrimaryGroups()) {
      members.addAll(read.primaryGroups.membersOf(entry));
    }
    read.assembler.addGroup(
        reference, key, name, entry.getDN(), attributes.build(), members, origin);
  }

  /**
   * The entry's normalised DN, or null when it is invalid (warned) or was already read under
   * another base (overlapping bases: read once, silently).
   */
  private static @Nullable String reference(SearchResultEntry entry, Read read, String origin) {
    String reference = read.references.normalize(entry.getDN());
    if (reference == null) {
      read.assembler.warn(origin + ": the server returned an invalid DN; entry skipped");
      return null;
    }
    return read.seen.add(reference) ? reference : null;
  }
}
