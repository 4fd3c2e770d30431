package org.scimsync.sources.ldap.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.sources.ldap.changes.SyncDirectory.groupNamed;
import static org.scimsync.sources.ldap.changes.SyncDirectory.userNamed;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.sources.ldap.LdapDirectorySource;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.changes.FullReadNeeded.Reason;
import org.scimsync.sources.ldap.servers.OpenLdapServer;

/**
 * Change reads against a real slapd with {@code syncprov} (RFC 4533, refreshOnly): each kind of
 * change appears in the change set exactly, with the values a full read gives; a checkpoint that
 * cannot be continued from asks for a full read.
 */
class OpenLdapChangeReaderIT {

  private static OpenLdapServer server;
  private SyncDirectory directory;
  private LdapSourceConfig config;

  @BeforeAll
  static void start() throws Exception {
    server = OpenLdapServer.get();
  }

  @BeforeEach
  void createDirectory() throws Exception {
    try (LDAPConnection admin = server.admin()) {
      directory = SyncDirectory.create(admin, OpenLdapServer.BASE);
    }
    config = directory.config(server);
  }

  private DirectoryChanges changes(String checkpoint) {
    ChangeRead read = new LdapChangeReader(config).readChanges(checkpoint);
    assertThat(read).isInstanceOf(DirectoryChanges.class);
    return (DirectoryChanges) read;
  }

  @Test
  void reportsExactlyWhatChangedWithTheValuesOfAFullRead() throws Exception {
    CheckpointedSnapshot initial = new LdapChangeReader(config).readAll();
    DirectorySnapshot before = initial.snapshot();
    assertThat(before.userCount()).isEqualTo(4);
    String dave = userNamed(before, "dave").key();
    assertThat(changes(initial.checkpoint()).isEmpty()).as("nothing changed yet").isTrue();

    try (LDAPConnection admin = server.admin()) {
      admin.modify(
          directory.user("alice"),
          new Modification(ModificationType.REPLACE, "mail", "alice.new@example.com"));
      directory.addUser(admin, "erin");
      admin.modifyDN(directory.user("bob"), "uid=bobby", true);
      admin.delete(directory.user("dave"));
      admin.modify(
          directory.group("team"),
          new Modification(ModificationType.ADD, "member", directory.user("erin")));
      server.awaitMembers(admin, directory.group("solo"), 1);
    }
    DirectoryChanges changes = changes(initial.checkpoint());
    DirectorySnapshot after = new LdapDirectorySource(config).read();

    assertThat(changes.mechanism()).isEqualTo(ChangeMechanism.CONTENT_SYNC);
    assertThat(changes.users())
        .as("the changed users, exactly as a full read gives them now")
        .containsExactlyInAnyOrder(
            userNamed(after, "alice"), userNamed(after, "erin"), userNamed(after, "bobby"));
    assertThat(changes.groups())
        .as("the group whose members changed, and the group it is nested in")
        .containsExactlyInAnyOrder(groupNamed(after, "team"), groupNamed(after, "parent"));
    assertThat(groupNamed(after, "parent").memberKeys()).contains(userNamed(after, "erin").key());
    assertThat(changes.deletedKeys()).containsExactly(dave);
    assertThat(changes.deletionsKnown()).isTrue();
    assertThat(changes.warnings()).isEmpty();
    assertThat(changes(changes.checkpoint()).isEmpty())
        .as("the new checkpoint continues after these changes")
        .isTrue();
  }

  @Test
  void aNestedGroupsChangeReachesTheGroupsAboveIt() throws Exception {
    CheckpointedSnapshot initial = new LdapChangeReader(config).readAll();
    try (LDAPConnection admin = server.admin()) {
      admin.modify(
          directory.group("team"),
          new Modification(ModificationType.DELETE, "member", directory.user("alice")));
    }
    DirectoryChanges changes = changes(initial.checkpoint());
    DirectorySnapshot after = new LdapDirectorySource(config).read();
    String alice = userNamed(after, "alice").key();

    assertThat(changes.users()).isEmpty();
    assertThat(changes.groups())
        .containsExactlyInAnyOrder(groupNamed(after, "team"), groupNamed(after, "parent"));
    assertThat(groupNamed(after, "parent").memberKeys()).doesNotContain(alice);
    assertThat(new LdapChangeReader(config).readUsers(List.of(alice)))
        .as("users whose groups changed, read on request")
        .containsExactly(userNamed(after, "alice"));
  }

  @Test
  void aGroupRenameAndAUserChangeKeepTheirGroups() throws Exception {
    CheckpointedSnapshot initial = new LdapChangeReader(config).readAll();
    try (LDAPConnection admin = server.admin()) {
      admin.modify(
          directory.user("carol"), new Modification(ModificationType.REPLACE, "sn", "Carolsson"));
      admin.modifyDN(directory.group("solo"), "cn=single", true);
    }
    DirectoryChanges changes = changes(initial.checkpoint());
    DirectorySnapshot after = new LdapDirectorySource(config).read();

    assertThat(changes.users()).containsExactly(userNamed(after, "carol"));
    assertThat(userNamed(after, "carol").groups()).containsExactly("parent", "single");
    assertThat(changes.groups()).containsExactly(groupNamed(after, "single"));
  }

  @Test
  void aCheckpointThatCannotBeContinuedAsksForAFullRead() {
    LdapChangeReader reader = new LdapChangeReader(config);
    String checkpoint = reader.readAll().checkpoint();
    Checkpoint decoded = Checkpoint.decode(checkpoint);
    assertThat(decoded).isNotNull();

    assertThat(reason(reader.readChanges(null))).isEqualTo(Reason.NO_CHECKPOINT);
    assertThat(reason(reader.readChanges("not-a-checkpoint")))
        .isEqualTo(Reason.UNREADABLE_CHECKPOINT);
    Map<String, String> expired = new HashMap<>();
    decoded
        .positions()
        .keySet()
        .forEach(
            position ->
                expired.put(
                    position,
                    LdapChangeReader.encode(
                        new com.unboundid.asn1.ASN1OctetString(
                            "rid=000,csn=20000101000000.000000Z#000000#000#000000"))));
    assertThat(
            reason(
                reader.readChanges(
                    new Checkpoint(
                            decoded.mechanism(), decoded.server(), decoded.settings(), expired)
                        .encode())))
        .as("a cookie older than the session log")
        .isEqualTo(Reason.COOKIE_EXPIRED);
    assertThat(
            reason(
                reader.readChanges(
                    new Checkpoint(
                            decoded.mechanism(),
                            "openldap:00000000-0000-0000-0000-000000000000",
                            decoded.settings(),
                            decoded.positions())
                        .encode())))
        .as("a checkpoint of another database")
        .isEqualTo(Reason.OTHER_SERVER);
    LdapSourceConfig otherKeys =
        config.withKeys("uid", null, org.scimsync.sources.assembly.NestedGroups.FLATTEN);
    assertThat(reason(new LdapChangeReader(otherKeys).readChanges(checkpoint)))
        .isEqualTo(Reason.SETTINGS_CHANGED);
  }

  @Test
  void anIncrementalReadReadsOnlyTheChangesCountedBySlapd() throws Exception {
    LdapSourceConfig bulk =
        SyncDirectory.config(
            server,
            List.of("ou=Bulk,ou=People," + OpenLdapServer.BASE),
            List.of("ou=Groups," + OpenLdapServer.BASE));
    LdapChangeReader reader = new LdapChangeReader(bulk);
    var full = server.statsLog();
    CheckpointedSnapshot initial = reader.readAll();
    long fullEntries = full.entriesSentTo(OpenLdapServer.BIND_DN);
    try (LDAPConnection admin = server.admin()) {
      admin.modify(
          "uid=bulk0100,ou=Bulk,ou=People," + OpenLdapServer.BASE,
          new Modification(ModificationType.REPLACE, "title", "changed " + System.nanoTime()));
    }
    var incremental = server.statsLog();
    DirectoryChanges changes = (DirectoryChanges) reader.readChanges(initial.checkpoint());
    long incrementalEntries = incremental.entriesSentTo(OpenLdapServer.BIND_DN);

    System.out.printf(
        "slapd sent %d entries for the full read of %d users, %d for the change read%n",
        fullEntries, initial.snapshot().userCount(), incrementalEntries);
    assertThat(changes.users()).extracting(SourceUser::dn).hasSize(1);
    assertThat(fullEntries).isGreaterThan(initial.snapshot().userCount());
    assertThat(incrementalEntries).isLessThan(initial.snapshot().userCount() / 100);
    assertThat(incrementalEntries)
        .as("what the reader counts, and the root DSE and naming context read for the identity")
        .isEqualTo(changes.entriesRead() + 2);
  }

  @Test
  void withoutSyncprovChangesAreFoundByEntryCsnAndDeletionsAreLeftToFullReads() throws Exception {
    SyncDirectory plain;
    try (LDAPConnection admin = server.plainAdmin()) {
      if (admin.getEntry(OpenLdapServer.PLAIN_BASE) == null) {
        admin.add(
            OpenLdapServer.PLAIN_BASE,
            new com.unboundid.ldap.sdk.Attribute("objectClass", "dcObject", "organization"),
            new com.unboundid.ldap.sdk.Attribute("dc", "plain"),
            new com.unboundid.ldap.sdk.Attribute("o", "plain"));
      }
      plain = SyncDirectory.create(admin, OpenLdapServer.PLAIN_BASE);
    }
    LdapSourceConfig plainConfig = plain.config(server);
    LdapChangeReader reader = new LdapChangeReader(plainConfig);
    CheckpointedSnapshot initial = reader.readAll();
    assertThat(Checkpoint.decode(initial.checkpoint()).mechanism())
        .isEqualTo(ChangeMechanism.ENTRY_CSN);
    try (LDAPConnection admin = server.plainAdmin()) {
      admin.modify(
          plain.user("alice"), new Modification(ModificationType.REPLACE, "sn", "Changed"));
      admin.delete(plain.user("dave"));
    }

    DirectoryChanges changes = (DirectoryChanges) reader.readChanges(initial.checkpoint());
    DirectorySnapshot after = new LdapDirectorySource(plainConfig).read();

    assertThat(changes.mechanism()).isEqualTo(ChangeMechanism.ENTRY_CSN);
    assertThat(changes.users()).containsExactly(userNamed(after, "alice"));
    assertThat(changes.deletionsKnown()).isFalse();
    assertThat(changes.deletedKeys()).isEmpty();
    assertThat(((DirectoryChanges) reader.readChanges(changes.checkpoint())).isEmpty())
        .as("the next read continues after alice's change")
        .isTrue();
  }

  @Test
  void aRestartedSlapdContinuesFromTheCheckpointDeletionsIncluded() throws Exception {
    LdapChangeReader reader = new LdapChangeReader(config);
    CheckpointedSnapshot initial = reader.readAll();
    String carol = userNamed(initial.snapshot(), "carol").key();
    server.restart();
    try (LDAPConnection admin = server.admin()) {
      admin.modify(
          directory.user("alice"), new Modification(ModificationType.REPLACE, "sn", "Restarted"));
      admin.delete(directory.user("carol"));
    }

    DirectoryChanges changes = changes(initial.checkpoint());

    assertThat(changes.users())
        .as("syncprov's session log is kept in the accesslog database, across the restart")
        .extracting(SourceUser::dn)
        .containsExactly(directory.user("alice"));
    assertThat(changes.deletedKeys()).containsExactly(carol);
  }

  private static Reason reason(ChangeRead read) {
    assertThat(read).isInstanceOf(FullReadNeeded.class);
    return ((FullReadNeeded) read).reason();
  }
}
