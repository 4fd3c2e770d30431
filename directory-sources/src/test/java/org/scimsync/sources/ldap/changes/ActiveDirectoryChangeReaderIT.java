package org.scimsync.sources.ldap.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.common.Secret;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.sources.assembly.Snapshots;
import org.scimsync.sources.ldap.LdapDirectorySource;
import org.scimsync.sources.ldap.LdapFlavor;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.changes.FullReadNeeded.Reason;
import org.scimsync.sources.ldap.servers.SambaDomainController;

/**
 * Change reads against a real Samba domain controller: {@code uSNChanged} above the checkpoint's
 * {@code highestCommittedUSN} of the same DC, and tombstones from the Deleted Objects container.
 */
class ActiveDirectoryChangeReaderIT {

  private static SambaDomainController server;
  private String people;
  private String groups;
  private LdapSourceConfig config;

  @BeforeAll
  static void start() throws Exception {
    server = SambaDomainController.get();
  }

  @BeforeEach
  void createDirectory() throws Exception {
    String base =
        "OU=sync-"
            + UUID.randomUUID().toString().substring(0, 8)
            + ","
            + SambaDomainController.BASE;
    people = "OU=People," + base;
    groups = "OU=Groups," + base;
    try (LDAPConnection admin = server.admin()) {
      admin.add(base, new Attribute("objectClass", "organizationalUnit"));
      admin.add(people, new Attribute("objectClass", "organizationalUnit"));
      admin.add(groups, new Attribute("objectClass", "organizationalUnit"));
      for (String name : List.of("alice", "bob", "carol", "dave")) {
        addUser(admin, name);
      }
      addGroup(admin, "team", user("alice"), user("bob"));
      addGroup(admin, "parent", group("team"), user("carol"));
      addGroup(admin, "solo", user("dave"));
    }
    config =
        new LdapSourceConfig(
            List.of(server.ldapsUrl()),
            false,
            SambaDomainController.BIND_DN,
            Secret.of(SambaDomainController.BIND_PASSWORD),
            LdapFlavor.ACTIVE_DIRECTORY,
            List.of(people),
            null,
            List.of(groups),
            null,
            null,
            null,
            null,
            null,
            null,
            Duration.ofSeconds(5),
            Duration.ofSeconds(60),
            0,
            server.pki().trustStore(),
            Secret.of(server.pki().trustStorePassword()));
  }

  private void addUser(LDAPConnection admin, String name) throws LDAPException {
    admin.add(
        user(name),
        new Attribute("objectClass", "user"),
        new Attribute("sAMAccountName", "s-" + name + "-" + people.hashCode() % 10_000),
        new Attribute("mail", name + "@corp.example.com"));
  }

  private void addGroup(LDAPConnection admin, String name, String... members) throws LDAPException {
    admin.add(
        group(name),
        new Attribute("objectClass", "group"),
        new Attribute("sAMAccountName", "g-" + name + "-" + people.hashCode() % 10_000),
        new Attribute("member", members));
  }

  private String user(String name) {
    return "CN=" + name + "," + people;
  }

  private String group(String name) {
    return "CN=" + name + "," + groups;
  }

  private static SourceUser userNamed(DirectorySnapshot snapshot, String cn) {
    return snapshot.users().stream()
        .filter(u -> u.values("cn").contains(cn))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no user " + cn));
  }

  private static SourceGroup groupNamed(DirectorySnapshot snapshot, String name) {
    return snapshot.groups().stream()
        .filter(g -> g.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no group " + name));
  }

  private static String content(List<SourceUser> users, List<SourceGroup> groups) {
    return Snapshots.content(
        new DirectorySnapshot("changes", Instant.EPOCH, users, groups, List.of()));
  }

  @Test
  void reportsExactlyWhatChangedWithTheValuesOfAFullRead() throws Exception {
    LdapChangeReader reader = new LdapChangeReader(config);
    CheckpointedSnapshot initial = reader.readAll();
    String dave = userNamed(initial.snapshot(), "dave").key();
    ChangeRead nothing = reader.readChanges(initial.checkpoint());
    assertThat(nothing).isInstanceOf(DirectoryChanges.class);
    assertThat(((DirectoryChanges) nothing).isEmpty()).isTrue();

    try (LDAPConnection admin = server.admin()) {
      admin.modify(
          user("alice"),
          new Modification(ModificationType.REPLACE, "mail", "new@corp.example.com"));
      addUser(admin, "erin");
      admin.modifyDN(user("bob"), "CN=bobby", true);
      admin.delete(user("dave"));
      admin.modify(group("team"), new Modification(ModificationType.ADD, "member", user("erin")));
    }
    ChangeRead read = reader.readChanges(initial.checkpoint());
    DirectorySnapshot after = new LdapDirectorySource(config).read();

    assertThat(read).isInstanceOf(DirectoryChanges.class);
    DirectoryChanges changes = (DirectoryChanges) read;
    assertThat(changes.mechanism()).isEqualTo(ChangeMechanism.USN_CHANGED);
    assertThat(content(changes.users(), changes.groups()))
        .as(
            "alice, erin, bobby changed; team's members changed and parent holds team; exactly"
                + " as a full read gives them (binary values compared by content). solo, which"
                + " lost dave by his deletion, is not: the DC does not count that as its change")
        .isEqualTo(
            content(
                List.of(
                    userNamed(after, "alice"), userNamed(after, "erin"), userNamed(after, "bobby")),
                List.of(groupNamed(after, "team"), groupNamed(after, "parent"))));
    assertThat(groupNamed(after, "solo").memberKeys()).isEmpty();
    assertThat(changes.deletionsKnown()).isTrue();
    assertThat(changes.deletedKeys()).containsExactly(dave);
    ChangeRead again = reader.readChanges(changes.checkpoint());
    assertThat(again).isInstanceOf(DirectoryChanges.class);
    assertThat(((DirectoryChanges) again).isEmpty()).isTrue();
  }

  @Test
  void anAccountThatCannotSeeTombstonesLeavesDeletionsToFullReads() throws Exception {
    String account = "CN=plain-reader," + people.substring(people.indexOf(',') + 1);
    String password = "Plain-Pa55-word!";
    try (LDAPConnection admin = server.admin()) {
      admin.add(
          account,
          new Attribute("objectClass", "user"),
          new Attribute("sAMAccountName", "plain-" + people.hashCode() % 10_000),
          new Attribute(
              "unicodePwd",
              ("\"" + password + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_16LE)),
          new Attribute("userAccountControl", "512"));
    }
    LdapSourceConfig plain =
        new LdapSourceConfig(
            config.urls(),
            false,
            account,
            Secret.of(password),
            LdapFlavor.ACTIVE_DIRECTORY,
            config.userBases(),
            null,
            config.groupBases(),
            null,
            null,
            null,
            null,
            null,
            null,
            config.connectTimeout(),
            config.searchTimeout(),
            0,
            config.trustStore(),
            config.trustStorePassword());
    LdapChangeReader reader = new LdapChangeReader(plain);
    String checkpoint = reader.readAll().checkpoint();
    try (LDAPConnection admin = server.admin()) {
      admin.delete(user("carol"));
    }

    DirectoryChanges changes = (DirectoryChanges) reader.readChanges(checkpoint);

    assertThat(changes.deletionsKnown()).isFalse();
    assertThat(changes.deletedKeys()).isEmpty();
  }

  @Test
  void aWatchPollsTheUsnAndReportsAChange() throws Exception {
    java.util.concurrent.BlockingQueue<DirectoryChanged> notices =
        new java.util.concurrent.LinkedBlockingQueue<>();
    try (LdapWatch watch =
        LdapWatch.start(
            config,
            new WatchSettings(
                Duration.ofMillis(300),
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                Duration.ofMillis(200),
                Duration.ofSeconds(2)),
            notices::add)) {
      org.scimsync.engine.testing.Eventually.await(
          Duration.ofSeconds(10), "the watch to connect", watch::connected);
      try (LDAPConnection admin = server.admin()) {
        admin.modify(
            user("carol"), new Modification(ModificationType.REPLACE, "description", "watched"));
      }

      DirectoryChanged notice = notices.poll(10, java.util.concurrent.TimeUnit.SECONDS);

      assertThat(notice).isNotNull();
      assertThat(notice.entries()).containsExactly(user("carol"));
    }
  }

  @Test
  void anotherDomainControllerAsksForAFullRead() {
    LdapChangeReader reader = new LdapChangeReader(config);
    Checkpoint checkpoint = Checkpoint.decode(reader.readAll().checkpoint());
    assertThat(checkpoint).isNotNull();
    String otherDc =
        new Checkpoint(
                checkpoint.mechanism(),
                "ad:00000000-0000-0000-0000-000000000001",
                checkpoint.settings(),
                checkpoint.positions())
            .encode();

    ChangeRead read = reader.readChanges(otherDc);

    assertThat(read).isInstanceOf(FullReadNeeded.class);
    assertThat(((FullReadNeeded) read).reason()).isEqualTo(Reason.OTHER_SERVER);
  }
}
