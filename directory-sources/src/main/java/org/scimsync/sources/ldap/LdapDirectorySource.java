package org.scimsync.sources.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.time.Instant;
import java.util.ArrayList;
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
 * Reads users and groups from an LDAP server or Active Directory over one connection: a paged
 * subtree search for users, one for groups, with range retrieval for large member lists (see {@link
 * PagedSearch}). Member DNs are compared in normalised form. A failed, time-limited or size-limited
 * search throws; it never yields a smaller snapshot. Search result references (referrals to other
 * naming contexts) are not followed.
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
    SnapshotAssembler assembler = new SnapshotAssembler(config.nested());
    DnReferences references = new DnReferences();
    int rangeRequests;
    try (LDAPConnection connection = connector.connect()) {
      PagedSearch search =
          new PagedSearch(
              connection, connector.server(), config.pageSize(), config.searchTimeout());
      MemberUids uids = new MemberUids();
      List<String> userAttributes =
          List.of("*", config.userKey(), DisabledAccounts.attributeOf(config.flavor()));
      search.forEach(
          "user search",
          config.userBase(),
          config.userFilter(),
          userAttributes,
          entry -> addUser(entry, references, uids, assembler));
      List<String> groupAttributes = new ArrayList<>(List.of("*", config.groupKey()));
      groupAttributes.add(config.groupNameAttribute());
      groupAttributes.addAll(config.memberAttributes());
      search.forEach(
          "group search",
          config.groupBase(),
          config.groupFilter(),
          groupAttributes,
          entry -> addGroup(entry, search, references, uids, assembler));
      rangeRequests = search.rangeRequests();
    }
    DirectorySnapshot snapshot = assembler.build(describe(), Instant.now());
    log.info(
        "source={} users={} groups={} memberships={} warnings={} rangeRequests={}",
        describe(),
        snapshot.userCount(),
        snapshot.groupCount(),
        snapshot.membershipCount(),
        snapshot.warnings().size(),
        rangeRequests);
    return snapshot;
  }

  private void addUser(
      SearchResultEntry entry,
      DnReferences references,
      MemberUids uids,
      SnapshotAssembler assembler) {
    String origin = connector.server() + " entry " + entry.getDN();
    String reference = reference(entry, references, origin, assembler);
    String key = EntryAttributes.key(entry, config.userKey());
    if (reference == null || key == null) {
      if (key == null) {
        assembler.warn(origin + ": user without " + config.userKey() + "; skipped");
      }
      return;
    }
    Attributes.Builder attributes = EntryAttributes.builder(entry, Set.of());
    DisabledAccounts.mark(config.flavor(), entry, attributes, origin, assembler::warn);
    if (assembler.addUser(reference, key, entry.getDN(), attributes.build(), origin)) {
      uids.addUser(entry, reference);
    }
  }

  private void addGroup(
      SearchResultEntry entry,
      PagedSearch search,
      DnReferences references,
      MemberUids uids,
      SnapshotAssembler assembler) {
    String origin = connector.server() + " entry " + entry.getDN();
    String reference = reference(entry, references, origin, assembler);
    String key = EntryAttributes.key(entry, config.groupKey());
    if (reference == null || key == null) {
      if (key == null) {
        assembler.warn(origin + ": group without " + config.groupKey() + "; skipped");
      }
      return;
    }
    Attributes.Builder attributes = EntryAttributes.builder(entry, memberAttributes);
    String name = EntryAttributes.groupName(entry, config.groupNameAttribute(), attributes);
    List<String> members = new ArrayList<>();
    for (String attribute : config.memberAttributes()) {
      if (MemberUids.holdsUids(attribute)) {
        for (String uid : search.allValues(entry, attribute)) {
          members.add(uids.reference(uid));
        }
        continue;
      }
      references.addMembers(
          members,
          search.allValues(entry, attribute),
          value ->
              assembler.warn(origin + ": " + attribute + " value is not a DN, ignored: " + value));
    }
    assembler.addGroup(reference, key, name, entry.getDN(), attributes.build(), members, origin);
  }

  private static @Nullable String reference(
      SearchResultEntry entry,
      DnReferences references,
      String origin,
      SnapshotAssembler assembler) {
    String reference = references.normalize(entry.getDN());
    if (reference == null) {
      assembler.warn(origin + ": the server returned an invalid DN; entry skipped");
    }
    return reference;
  }
}
