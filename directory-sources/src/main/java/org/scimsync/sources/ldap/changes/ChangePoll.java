package org.scimsync.sources.ldap.changes;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.scimsync.sources.ldap.LdapConnector;
import org.scimsync.sources.ldap.LdapFlavor;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.PagedSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the server every {@code pollInterval} what changed since the last time: entries of the
 * source's filters whose {@code uSNChanged} (Active Directory, per domain controller) or {@code
 * entryCSN} (OpenLDAP without {@code syncprov}) is above the last one seen, only their DNs read; in
 * Active Directory also tombstones, where the account may list them. Another domain controller
 * after a reconnection reports a resync.
 */
final class ChangePoll implements WatchSession {

  private static final Logger LOG = LoggerFactory.getLogger(ChangePoll.class);

  private final LdapSourceConfig config;
  private final LdapConnector connector;
  private final ChangeBatcher batcher;
  private final Duration interval;
  private volatile CountDownLatch stop = new CountDownLatch(1);
  private volatile boolean stopped;
  private @Nullable String server;
  private @Nullable String position;

  ChangePoll(
      LdapSourceConfig config, LdapConnector connector, ChangeBatcher batcher, Duration interval) {
    this.config = config;
    this.connector = connector;
    this.batcher = batcher;
    this.interval = interval;
  }

  private boolean activeDirectory() {
    return config.flavor() == LdapFlavor.ACTIVE_DIRECTORY;
  }

  @Override
  public void run(Runnable started) throws Exception {
    try (LdapConnector.BoundConnection bound = connector.connect()) {
      poll(bound);
      LOG.info(
          "source={} watching by polling {} every {}",
          bound.server(),
          activeDirectory() ? "uSNChanged" : "entryCSN",
          interval);
      started.run();
      while (!stopped && !stop.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
        try {
          poll(bound);
        } catch (RuntimeException | LDAPException e) {
          LOG.warn("source={} polling failed, reconnecting: {}", bound.server(), e.getMessage());
          return;
        }
      }
    }
  }

  @Override
  public void stop() {
    stopped = true;
    stop.countDown();
  }

  private void poll(LdapConnector.BoundConnection bound) throws LDAPException {
    if (activeDirectory()) {
      pollUsn(bound);
    } else {
      pollCsn(bound);
    }
  }

  private void pollUsn(LdapConnector.BoundConnection bound) throws LDAPException {
    ServerIdentity identity =
        ServerIdentity.activeDirectory(bound.connection(), bound.server(), config.userBase());
    String now = identity.position();
    if (server == null || !server.equals(identity.identity()) || position == null) {
      if (server != null) {
        LOG.info("source={} another domain controller than before: resync", bound.server());
        batcher.resync();
      }
      server = identity.identity();
      position = now;
      return;
    }
    if (now == null || Long.parseLong(now) <= Long.parseLong(position)) {
      return;
    }
    Filter changed =
        Filter.createGreaterOrEqualFilter(
            "uSNChanged", Long.toString(Long.parseLong(position) + 1));
    for (String dn : changedEntries(bound, changed)) {
      batcher.changed(dn);
    }
    SearchRequest tombstones =
        new SearchRequest(
            "<WKGUID=18E2EA80684F11D2B9AA00C04F79F805," + identity.namingContext() + ">",
            SearchScope.ONE,
            Filter.createANDFilter(Filter.createEqualityFilter("isDeleted", "TRUE"), changed),
            "lastKnownParent");
    tombstones.addControl(new Control(ActiveDirectoryChanges.SHOW_DELETED, true));
    try {
      for (SearchResultEntry tombstone : bound.connection().search(tombstones).getSearchEntries()) {
        batcher.changed(tombstone.getDN());
      }
    } catch (LDAPSearchException e) {
      if (e.getResultCode() != ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
        throw e;
      }
    }
    position = now;
  }

  private void pollCsn(LdapConnector.BoundConnection bound) throws LDAPException {
    if (position == null) {
      position = OpenLdapChanges.newestCsn(bound, config);
      if (position == null) {
        position = "";
      }
      return;
    }
    Filter changed = Filter.createNOTFilter(Filter.createLessOrEqualFilter("entryCSN", position));
    String newest = position;
    PagedSearch search = PagedSearch.of(bound, config);
    String[] max = {newest};
    for (String base : bases()) {
      search.forEach(
          "change poll",
          base,
          Filter.createANDFilter(filter(), changed).toString(),
          List.of("entryCSN"),
          entry -> {
            batcher.changed(entry.getDN());
            String csn = entry.getAttributeValue("entryCSN");
            if (csn != null && csn.compareTo(max[0]) > 0) {
              max[0] = csn;
            }
          });
    }
    position = max[0];
  }

  private Set<String> changedEntries(LdapConnector.BoundConnection bound, Filter changed) {
    Set<String> dns = new LinkedHashSet<>();
    PagedSearch search = PagedSearch.of(bound, config);
    for (String base : bases()) {
      search.forEach(
          "change poll",
          base,
          Filter.createANDFilter(filter(), changed).toString(),
          List.of("1.1"),
          entry -> dns.add(entry.getDN()));
    }
    return dns;
  }

  private Filter filter() {
    try {
      return Filter.createORFilter(
          Filter.create(config.userFilter()), Filter.create(config.groupFilter()));
    } catch (LDAPException e) {
      throw new IllegalStateException("the source's filters were checked at load", e);
    }
  }

  private Set<String> bases() {
    Set<String> bases = new LinkedHashSet<>(config.userBases());
    bases.addAll(config.groupBases());
    return bases;
  }
}
