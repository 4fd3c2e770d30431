package org.scimsync.sources.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.sources.assembly.Snapshots.content;
import static org.scimsync.sources.assembly.Snapshots.group;
import static org.scimsync.sources.assembly.Snapshots.user;
import static org.scimsync.sources.ldap.servers.OpenLdapServer.BASE;
import static org.scimsync.sources.ldap.servers.OpenLdapServer.BIND_DN;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.sources.ldap.servers.OpenLdapServer;

/**
 * Changes made to a real slapd with LDAP operations appear in the next read: an attribute edit, an
 * administrator's lock, a rename (modrdn), a move to another OU, a delete, and a member leaving a
 * group of 1,551. Keys (entryUUID) survive renames and moves; the refint overlay keeps member DNs
 * current, as in most deployments.
 */
class OpenLdapChangesIT {

  private static final String CHANGES = "ou=Changes," + BASE;
  private static final String MOVED = "ou=Moved," + BASE;
  private static OpenLdapServer server;

  @BeforeAll
  static void start() throws Exception {
    server = OpenLdapServer.get();
  }

  private static DirectorySnapshot read() {
    return new LdapDirectorySource(
            OpenLdapServerIT.config(
                server.ldapUrl(),
                false,
                BIND_DN,
                List.of(CHANGES, MOVED, "ou=Bulk,ou=People," + BASE),
                List.of("ou=ChangeGroups," + BASE),
                null))
        .read();
  }

  private static String keyOf(DirectorySnapshot snapshot, String uid) {
    return snapshot.users().stream()
        .filter(u -> u.values("uid").contains(uid))
        .map(SourceUser::key)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no user " + uid));
  }

  @Test
  void everyKindOfChangeAppearsInTheNextRead() throws Exception {
    DirectorySnapshot initial = read();
    assertThat(content(read()))
        .as("an unchanged directory reads the same")
        .isEqualTo(content(initial));
    assertThat(initial.userCount()).isEqualTo(1_655);
    assertThat(group(initial, "big").memberKeys()).hasSize(1_551);
    String edit = keyOf(initial, "c-edit");
    String disable = keyOf(initial, "c-disable");
    String rename = keyOf(initial, "c-rename");
    String move = keyOf(initial, "c-move");
    String delete = keyOf(initial, "c-delete");
    String leaver = keyOf(initial, "bulk0000");
    assertThat(group(initial, "small").memberKeys())
        .containsExactlyInAnyOrder(rename, move, delete);

    try (LDAPConnection admin = server.admin()) {
      admin.modify(
          "uid=c-edit," + CHANGES,
          new Modification(ModificationType.REPLACE, "mail", "edited@example.com"));
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
    DirectorySnapshot changed = read();

    assertThat(changed.userCount()).isEqualTo(1_654);
    assertThat(user(changed, edit).values("mail")).containsExactly("edited@example.com");
    assertThat(user(changed, disable).values(LdapFlavor.ACCOUNT_DISABLED)).containsExactly("true");
    assertThat(user(initial, disable).values(LdapFlavor.ACCOUNT_DISABLED)).containsExactly("false");
    assertThat(user(changed, rename).dn()).isEqualTo("uid=c-renamed," + CHANGES);
    assertThat(user(changed, rename).values("uid")).contains("c-renamed");
    assertThat(user(changed, move).dn()).isEqualTo("uid=c-move," + MOVED);
    assertThat(changed.users()).extracting(SourceUser::key).doesNotContain(delete);
    assertThat(group(changed, "small").memberKeys()).containsExactlyInAnyOrder(rename, move);
    assertThat(group(changed, "big").memberKeys()).hasSize(1_550).doesNotContain(leaver);
    assertThat(user(changed, leaver).groups()).isEmpty();
    assertThat(changed.warnings()).isEmpty();
  }
}
