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
import org.scimsync.sources.ldap.servers.SambaDomainController;

/**
 * A whole sync from a real Active Directory domain controller (Samba 4) into the emulator (AWS
 * profile), over ldaps: the initial run, a second run with zero writes, then changes made with LDAP
 * operations — an attribute edit, disabling, a rename (modrdn), a move, a delete, a member leaving
 * a group of 1,551 — converge in the next run, with the renamed and moved users keeping their ids.
 */
class ActiveDirectorySyncIT {

  private static final String BASE = SambaDomainController.BASE;
  private static final String CHANGES = "OU=Changes," + BASE;
  private static final String MOVED = "OU=Moved," + BASE;
  private static final String DOMAIN = "@corp.example.com";

  private static SambaDomainController server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = SambaDomainController.get();
  }

  private LdapSourceConfig source() {
    return new LdapSourceConfig(
        List.of(server.ldapsUrl()),
        false,
        SambaDomainController.BIND_DN,
        Secret.of(SambaDomainController.BIND_PASSWORD),
        LdapFlavor.ACTIVE_DIRECTORY,
        List.of(CHANGES, MOVED, "OU=Bulk,OU=Staff," + BASE),
        null,
        List.of("OU=ChangeGroups," + BASE),
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

  @Test
  void aDomainSyncsAndItsChangesConverge() throws LDAPException {
    try (RealDirectorySync sync =
        new RealDirectorySync(
            dir,
            source(),
            Map.of(
                "userName", "user.sAMAccountName + '" + DOMAIN + "'",
                "displayName", "user.cn ?? user.sAMAccountName",
                "name.givenName", "user.givenName ?? user.sAMAccountName",
                "name.familyName", "user.sn ?? user.sAMAccountName",
                "active", "user.accountDisabled != 'true'"))) {
      sync.run(true);
      EmulatorState first = sync.emulator().snapshot();
      assertThat(first.users()).hasSize(1_655);
      String bigId = first.groupByDisplayName("big").orElseThrow().id();
      String renamedId = user(first, "c-rename" + DOMAIN).id();
      String movedId = user(first, "c-move" + DOMAIN).id();
      sync.assertSettled();

      try (LDAPConnection admin = server.admin()) {
        admin.modify(
            "CN=c-edit," + CHANGES, new Modification(ModificationType.REPLACE, "sn", "Edited"));
        admin.modify(
            "CN=c-disable," + CHANGES,
            new Modification(ModificationType.REPLACE, "userAccountControl", "546"));
        admin.modifyDN("CN=c-rename," + CHANGES, "CN=c-renamed", true);
        admin.modifyDN("CN=c-move," + CHANGES, "CN=c-move", true, MOVED);
        admin.delete("CN=c-delete," + CHANGES);
        admin.modify(
            "CN=big,OU=ChangeGroups," + BASE,
            new Modification(
                ModificationType.DELETE, "member", "CN=bulk0000,OU=Bulk,OU=Staff," + BASE));
      }

      assertThat(sync.run(false).plan().changes()).isNotEmpty();
      EmulatorState after = sync.emulator().snapshot();
      assertThat(after.users()).hasSize(1_654);
      assertThat(user(after, "c-edit" + DOMAIN).json().path("name").path("familyName").asText())
          .isEqualTo("Edited");
      assertThat(user(after, "c-disable" + DOMAIN).active()).isFalse();
      assertThat(after.users()).noneMatch(u -> u.userName().equals("c-delete" + DOMAIN));
      assertThat(user(after, "c-rename" + DOMAIN).id()).as("renamed, same id").isEqualTo(renamedId);
      assertThat(user(after, "c-rename" + DOMAIN).json().path("displayName").asText())
          .isEqualTo("c-renamed");
      assertThat(user(after, "c-move" + DOMAIN).id()).as("moved, same id").isEqualTo(movedId);
      assertThat(after.group(bigId).orElseThrow().memberIds())
          .hasSize(1_550)
          .doesNotContain(user(after, "bulk0000" + DOMAIN).id());
      sync.assertSettled();
    }
  }
}
