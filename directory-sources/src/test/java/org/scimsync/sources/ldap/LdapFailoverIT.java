package org.scimsync.sources.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimsync.sources.ldap.TestDirectories.BIND_DN;
import static org.scimsync.sources.ldap.TestDirectories.BIND_PASSWORD;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scimsync.common.Secret;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.source.SourceUser;

/**
 * Several servers of one directory, tried in turn, and several bases, read once each: against the
 * in-memory OpenLDAP-like directory and a port nobody listens on.
 */
class LdapFailoverIT {

  private static InMemoryDirectoryServer server;
  private static String deadUrl;

  @BeforeAll
  static void start() throws Exception {
    server = TestDirectories.openLdap(TestDirectories.loopback());
    server.startListening();
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadUrl = "ldap://127.0.0.1:" + socket.getLocalPort();
    }
  }

  @AfterAll
  static void stop() {
    server.shutDown(true);
  }

  private static String liveUrl() {
    return "ldap://127.0.0.1:" + server.getListenPort();
  }

  private static LdapSourceConfig config(
      List<String> urls,
      List<String> userBases,
      @Nullable List<String> groupBases,
      String password) {
    return new LdapSourceConfig(
        urls,
        false,
        BIND_DN,
        Secret.of(password),
        LdapFlavor.OPENLDAP,
        userBases,
        null,
        groupBases,
        null,
        null,
        null,
        null,
        null,
        null,
        Duration.ofSeconds(2),
        Duration.ofSeconds(10),
        0,
        null,
        null);
  }

  @Test
  void aServerThatCannotBeReachedMakesWayForTheNext() {
    DirectorySnapshot snapshot =
        new LdapDirectorySource(
                config(
                    List.of(deadUrl, liveUrl()),
                    List.of("ou=People,dc=example,dc=com"),
                    List.of("ou=Groups,dc=example,dc=com"),
                    BIND_PASSWORD))
            .read();

    assertThat(snapshot.userCount()).isEqualTo(3);
    assertThat(snapshot.groupCount()).isEqualTo(3);
    assertThat(snapshot.source()).contains(deadUrl);
  }

  @Test
  void whenNoServerCanBeReachedEachIsNamed() {
    String otherDead = deadUrl.replace("127.0.0.1", "localhost");

    assertThatThrownBy(
            () ->
                new LdapDirectorySource(
                        config(
                            List.of(deadUrl, otherDead),
                            List.of("dc=example,dc=com"),
                            null,
                            BIND_PASSWORD))
                    .read())
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE))
        .hasMessageContaining("no LDAP server could be reached")
        .hasMessageContaining(deadUrl + ": connect failed")
        .hasMessageContaining(otherDead + ": connect failed");
  }

  @Test
  void aServerThatRefusesTheBindStopsTheRead() {
    String wrong = "not-the-password";

    assertThatThrownBy(
            () ->
                new LdapDirectorySource(
                        config(
                            List.of(liveUrl(), deadUrl), List.of("dc=example,dc=com"), null, wrong))
                    .read())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("invalid credentials")
        .hasMessageNotContaining(deadUrl)
        .hasMessageNotContaining(wrong);
  }

  @Test
  void everyBaseIsSearchedAndAnEntryUnderTwoIsReadOnce() {
    DirectorySnapshot snapshot =
        new LdapDirectorySource(
                config(
                    List.of(liveUrl()),
                    List.of("ou=People,dc=example,dc=com", "dc=example,dc=com"),
                    List.of(
                        "cn=staff,ou=Groups,dc=example,dc=com",
                        "cn=admins,ou=Groups,dc=example,dc=com"),
                    BIND_PASSWORD))
            .read();

    assertThat(snapshot.users()).extracting(SourceUser::dn).doesNotHaveDuplicates().hasSize(3);
    assertThat(snapshot.groups())
        .extracting(g -> g.name())
        .containsExactlyInAnyOrder("staff", "admins");
    assertThat(snapshot.warnings()).noneMatch(w -> w.contains("duplicate"));
  }
}
