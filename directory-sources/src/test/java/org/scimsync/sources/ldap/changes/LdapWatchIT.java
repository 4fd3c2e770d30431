package org.scimsync.sources.ldap.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.sources.ldap.servers.OpenLdapServer;

/**
 * A watch on a real slapd: a persistent content synchronization search reports a change within a
 * second, coalesces a burst, and comes back after slapd was killed and restarted.
 */
class LdapWatchIT {

  private static final WatchSettings FAST =
      new WatchSettings(
          Duration.ofMillis(500),
          Duration.ofMillis(200),
          Duration.ofSeconds(1),
          Duration.ofMillis(200),
          Duration.ofSeconds(2));

  private static OpenLdapServer server;
  private final BlockingQueue<DirectoryChanged> notices = new LinkedBlockingQueue<>();
  private SyncDirectory directory;
  private LdapWatch watch;

  @BeforeAll
  static void start() throws Exception {
    server = OpenLdapServer.get();
  }

  @BeforeEach
  void watch() throws Exception {
    try (LDAPConnection admin = server.admin()) {
      directory = SyncDirectory.create(admin, OpenLdapServer.BASE);
    }
    watch = LdapWatch.start(directory.config(server), FAST, notices::add);
    Eventually.await(Duration.ofSeconds(10), "the watch to connect", watch::connected);
  }

  @AfterEach
  void stop() {
    watch.close();
  }

  private DirectoryChanged next() throws InterruptedException {
    DirectoryChanged notice = notices.poll(10, TimeUnit.SECONDS);
    assertThat(notice).as("a notice within 10 s").isNotNull();
    return notice;
  }

  private void modify(String dn, String value) throws Exception {
    try (LDAPConnection admin = server.admin()) {
      admin.modify(dn, new Modification(ModificationType.REPLACE, "description", value));
    }
  }

  @Test
  void reportsAChangeAndCoalescesABurst() throws Exception {
    modify(directory.user("alice"), "one");
    DirectoryChanged first = next();
    assertThat(first.entries()).containsExactly(directory.user("alice"));
    assertThat(first.resync()).isFalse();

    for (int i = 0; i < 40; i++) {
      modify(directory.user(i % 2 == 0 ? "bob" : "carol"), "burst " + i);
    }
    List<DirectoryChanged> burst = new ArrayList<>();
    int changes = 0;
    while (changes < 40) {
      DirectoryChanged notice = next();
      burst.add(notice);
      changes += notice.changes();
    }
    assertThat(changes).isEqualTo(40);
    assertThat(burst.size()).as("one notice per burst, not per change").isLessThanOrEqualTo(4);
    assertThat(notices.poll(500, TimeUnit.MILLISECONDS)).as("nothing more").isNull();
  }

  @Test
  void reconnectsAfterSlapdWasKilledAndRestarted() throws Exception {
    long before = watch.sessions();
    server.kill();
    try {
      Eventually.await(Duration.ofSeconds(10), "the watch to notice", () -> !watch.connected());
    } finally {
      server.start();
    }
    Eventually.await(
        Duration.ofSeconds(15),
        "the watch to reconnect",
        () -> watch.connected() && watch.sessions() > before);

    modify(directory.user("bob"), "after the restart");

    DirectoryChanged notice = next();
    while (notice.resync() && !notice.entries().contains(directory.user("bob"))) {
      notice = next();
    }
    assertThat(notice.entries()).contains(directory.user("bob"));
  }
}
