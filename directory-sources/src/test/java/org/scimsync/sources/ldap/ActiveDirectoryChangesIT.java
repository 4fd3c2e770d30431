package org.scimsync.sources.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.sources.assembly.Snapshots.content;
import static org.scimsync.sources.assembly.Snapshots.group;
import static org.scimsync.sources.assembly.Snapshots.user;
import static org.scimsync.sources.ldap.servers.SambaDomainController.BASE;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.sources.ldap.servers.SambaDomainController;

/**
 * Changes made to a real Samba domain controller with LDAP operations appear in the next read: an
 * attribute edit, disabling, a rename (modrdn), a move to another OU, a delete, and a member
 * leaving a group of 1,551. Keys (objectGUID) survive renames and moves.
 */
class ActiveDirectoryChangesIT {

  private static final String CHANGES = "OU=Changes," + BASE;
  private static final String MOVED = "OU=Moved," + BASE;
  private static SambaDomainController server;

  @BeforeAll
  static void start() throws Exception {
    server = SambaDomainController.get();
  }

  private static DirectorySnapshot read() {
    return new LdapDirectorySource(
            ActiveDirectoryServerIT.config(
                server.ldapsUrl(),
                false,
                List.of(CHANGES, MOVED, "OU=Bulk,OU=Staff," + BASE),
                List.of("OU=ChangeGroups," + BASE)))
        .read();
  }

  private static String keyOf(DirectorySnapshot snapshot, String account) {
    return snapshot.users().stream()
        .filter(u -> u.values("sAMAccountName").contains(account))
        .map(SourceUser::key)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no user " + account));
  }

  @Test
  void everyKindOfChangeAppearsInTheNextRead() throws Exception {
    DirectorySnapshot initial = read();
    assertThat(content(read()))
        .as("an unchanged domain reads the same")
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
          "CN=c-edit," + CHANGES,
          new Modification(ModificationType.REPLACE, "mail", "edited@corp.example.com"));
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
    DirectorySnapshot changed = read();

    assertThat(changed.userCount()).isEqualTo(1_654);
    assertThat(user(changed, edit).values("mail")).containsExactly("edited@corp.example.com");
    assertThat(user(changed, disable).values(LdapFlavor.ACCOUNT_DISABLED)).containsExactly("true");
    assertThat(user(initial, disable).values(LdapFlavor.ACCOUNT_DISABLED)).containsExactly("false");
    assertThat(user(changed, rename).dn()).isEqualTo("CN=c-renamed," + CHANGES);
    assertThat(user(changed, move).dn()).isEqualTo("CN=c-move," + MOVED);
    assertThat(changed.users()).extracting(SourceUser::key).doesNotContain(delete);
    assertThat(group(changed, "small").memberKeys()).containsExactlyInAnyOrder(rename, move);
    assertThat(group(changed, "big").memberKeys()).hasSize(1_550).doesNotContain(leaver);
    assertThat(user(changed, leaver).groups()).isEmpty();
    assertThat(changed.warnings()).isEmpty();
  }
}
