package org.scimsync.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.system.RealDirectorySync.user;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.common.Secret;
import org.scimsync.emulator.EmulatorState;
import org.scimsync.sources.ldap.LdapFlavor;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.servers.OpenLdapServer;
import org.scimsync.sources.ldap.servers.StatsLog;

/**
 * A whole sync from a real slapd into the emulator (AWS profile): the initial run, a second run
 * with zero writes, then changes made with LDAP operations — an attribute edit, an administrator's
 * lock, a rename (modrdn), a move, a delete, a member leaving a group of 1,551 — converge in the
 * next run, with the renamed and moved users keeping their ids; the full run after it finds nothing
 * left to do. Then an incremental run after an edit, a delete and a member leaving a group reads
 * only what changed (counted by slapd).
 */
class OpenLdapSyncIT {

  private static final String BASE = OpenLdapServer.BASE;
  private static final String CHANGES = "ou=Changes," + BASE;
  private static final String MOVED = "ou=Moved," + BASE;

  private static OpenLdapServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = OpenLdapServer.get();
  }

  private LdapSourceConfig source() {
    return new LdapSourceConfig(
        List.of(server.ldapUrl()),
        false,
        OpenLdapServer.BIND_DN,
        Secret.of(OpenLdapServer.BIND_PASSWORD),
        LdapFlavor.OPENLDAP,
        List.of(CHANGES, MOVED, "ou=Bulk,ou=People," + BASE),
        null,
        List.of("ou=ChangeGroups," + BASE),
        null,
        null,
        null,
        null,
        null,
        null,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        0,
        null,
        null);
  }

  @Test
  void aRealDirectorySyncsAndItsChangesConverge() throws LDAPException {
    try (RealDirectorySync sync =
        new RealDirectorySync(
            dir,
            source(),
            Map.of(
                "userName", "user.mail ?? (user.uid + '@example.com')",
                "displayName", "user.cn ?? user.uid",
                "name.givenName", "user.givenName ?? user.uid",
                "name.familyName", "user.sn ?? user.uid",
                "active", "user.accountDisabled != 'true'"))) {
      sync.run(true);
      EmulatorState first = sync.emulator().snapshot();
      assertThat(first.users()).hasSize(1_655);
      String bigId = first.groupByDisplayName("big").orElseThrow().id();
      String renamedId = user(first, "rename@example.com").id();
      String movedId = user(first, "move@example.com").id();
      sync.assertSettled();

      try (LDAPConnection admin = server.admin()) {
        admin.modify(
            "uid=c-edit," + CHANGES, new Modification(ModificationType.REPLACE, "sn", "Edited"));
        admin.modify(
            "uid=c-disable," + CHANGES,
            new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", "000001010000Z"));
        admin.modifyDN("uid=c-rename," + CHANGES, "uid=c-renamed", true);
        admin.modifyDN("uid=c-move," + CHANGES, "uid=c-move", true, MOVED);
        admin.delete("uid=c-delete," + CHANGES);
        admin.modify(
            "cn=big,ou=ChangeGroups," + BASE,
            new Modification(
                ModificationType.DELETE, "member", "uid=bulk0000,ou=Bulk,ou=People," + BASE));
        server.awaitMembers(admin, "cn=small,ou=ChangeGroups," + BASE, 2);
      }

      assertThat(sync.run(false).plan().changes()).isNotEmpty();
      EmulatorState after = sync.emulator().snapshot();
      assertThat(after.users()).hasSize(1_654);
      assertThat(user(after, "edit@example.com").json().path("name").path("familyName").asText())
          .isEqualTo("Edited");
      assertThat(user(after, "disable@example.com").active()).isFalse();
      assertThat(after.users()).noneMatch(u -> u.userName().equals("delete@example.com"));
      assertThat(user(after, "rename@example.com").id())
          .as("renamed, same id")
          .isEqualTo(renamedId);
      assertThat(user(after, "move@example.com").id()).as("moved, same id").isEqualTo(movedId);
      assertThat(after.group(bigId).orElseThrow().memberIds())
          .hasSize(1_550)
          .doesNotContain(user(after, "bulk0000@example.com").id());
      sync.assertSettled();
    }
  }

  @Test
  void anIncrementalRunReadsOnlyWhatChanged() throws LDAPException {
    try (RealDirectorySync sync =
        new RealDirectorySync(
            dir,
            source(),
            Map.of(
                "userName", "user.mail ?? (user.uid + '@example.com')",
                "displayName", "user.cn ?? user.uid",
                "name.givenName", "user.givenName ?? user.uid",
                "name.familyName", "user.sn ?? user.uid"))) {
      StatsLog fullRead = server.statsLog();
      sync.run(true);
      long everything = fullRead.entriesSentTo(OpenLdapServer.BIND_DN);
      try (LDAPConnection admin = server.admin()) {
        admin.modify(
            "uid=bulk0007,ou=Bulk,ou=People," + BASE,
            new Modification(ModificationType.REPLACE, "sn", "Changed" + System.nanoTime()));
      }
      StatsLog userChange = server.statsLog();

      assertThat(sync.run(false).plan().changes())
          .extracting(c -> c.getClass().getSimpleName())
          .containsExactly("UpdateUser");
      // Only the change was read (syncprov's refresh and the user's groups), not 1,600 users.
      assertThat(userChange.entriesSentTo(OpenLdapServer.BIND_DN)).isLessThan(50);
      assertThat(everything).isGreaterThan(1_600);

      try (LDAPConnection admin = server.admin()) {
        admin.modify(
            "cn=big,ou=ChangeGroups," + BASE,
            new Modification(
                ModificationType.DELETE, "member", "uid=bulk0003,ou=Bulk,ou=People," + BASE));
      }
      StatsLog groupChange = server.statsLog();
      try {
        assertThat(sync.run(false).plan().changes())
            .extracting(c -> c.getClass().getSimpleName())
            .containsExactly("UpdateMembers");
        // A changed group is read with its members' keys (here 1,550 members), still less than
        // everything.
        assertThat(groupChange.entriesSentTo(OpenLdapServer.BIND_DN)).isLessThan(everything);
        sync.assertSettled();
      } finally {
        try (LDAPConnection admin = server.admin()) {
          admin.modify(
              "cn=big,ou=ChangeGroups," + BASE,
              new Modification(
                  ModificationType.ADD, "member", "uid=bulk0003,ou=Bulk,ou=People," + BASE));
        }
      }
    }
  }
}
