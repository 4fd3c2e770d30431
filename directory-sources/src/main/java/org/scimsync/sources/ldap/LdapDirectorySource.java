package org.scimsync.sources.ldap;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.DirectorySource;
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

  public LdapDirectorySource(LdapSourceConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.connector = new LdapConnector(config);
  }

  @Override
  public String describe() {
    return "ldap:" + connector.server() + "/" + config.userBase();
  }

  @Override
  public DirectorySnapshot read() {
    return read(connector.connect(), Instant.now());
  }

  /**
   * Reads everything over {@code connection}, which it closes: for a caller that did something else
   * on the connection first (the change reader takes its checkpoint).
   */
  public DirectorySnapshot read(LdapConnector.BoundConnection connection, Instant now) {
    LdapSnapshotBuilder builder = new LdapSnapshotBuilder(config, now);
    int rangeRequests;
    String server;
    try (LdapConnector.BoundConnection bound = connection) {
      server = bound.server();
      PagedSearch search = PagedSearch.of(bound, config);
      List<String> userAttributes = LdapSnapshotBuilder.userAttributes(config);
      for (String base : config.userBases()) {
        search.forEach(
            "user search",
            base,
            config.userFilter(),
            userAttributes,
            entry -> builder.addUser(server, entry));
      }
      List<String> groupAttributes = LdapSnapshotBuilder.groupAttributes(config);
      for (String base : config.groupBases()) {
        search.forEach(
            "group search",
            base,
            config.groupFilter(),
            groupAttributes,
            entry -> builder.addGroup(server, entry, search::allValues));
      }
      rangeRequests = search.rangeRequests();
    }
    DirectorySnapshot snapshot = builder.build(describe(), Instant.now());
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
}
