package org.scimsync.sources.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimsync.sources.assembly.Snapshots.group;
import static org.scimsync.sources.assembly.Snapshots.userByDn;
import static org.scimsync.sources.ldap.servers.OpenLdapServer.BASE;
import static org.scimsync.sources.ldap.servers.OpenLdapServer.BIND_DN;
import static org.scimsync.sources.ldap.servers.OpenLdapServer.BIND_PASSWORD;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scimsync.common.Secret;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.sources.ldap.servers.OpenLdapServer;

/**
 * The OpenLDAP flavor against a real slapd 2.5 ({@link OpenLdapServer}): the whole fixture read
 * into a snapshot (two user bases, two group bases, non-ASCII and escaped DNs, nesting with a
 * cycle, a group of 1,601, posixGroup and groupOfUniqueNames, a member outside the bases), the
 * account-state rules on what slapd really stores, the stock size limit, and TLS.
 */
class OpenLdapServerIT {

  private static final String PEOPLE = "ou=People," + BASE;
  private static OpenLdapServer server;

  @BeforeAll
  static void start() throws Exception {
    server = OpenLdapServer.get();
  }

  static LdapSourceConfig config(
      String url,
      boolean startTls,
      String bindDn,
      List<String> userBases,
      List<String> groupBases,
      @Nullable Path trustStore) {
    return new LdapSourceConfig(
        List.of(url),
        startTls,
        bindDn,
        Secret.of(BIND_PASSWORD),
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
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        0,
        trustStore,
        trustStore == null ? null : Secret.of(server.pki().trustStorePassword()));
  }

  private static LdapSourceConfig fixture(String url, boolean startTls, @Nullable Path trust) {
    return config(
        url,
        startTls,
        BIND_DN,
        List.of(PEOPLE, "ou=Contractors," + BASE),
        List.of("ou=Groups," + BASE, "ou=Teams," + BASE),
        trust);
  }

  private static DirectorySnapshot read() {
    return new LdapDirectorySource(fixture(server.ldapUrl(), false, null)).read();
  }

  private static String entryUuid(String dn) throws LDAPException {
    try (LDAPConnection admin = server.admin()) {
      return admin.getEntry(dn, "entryUUID").getAttributeValue("entryUUID");
    }
  }

  private static String state(SourceUser user, String attribute) {
    assertThat(user.values(attribute)).as("%s of %s", attribute, user.dn()).hasSize(1);
    return user.values(attribute).get(0).toString();
  }

  @Test
  void readsTheWholeDirectoryKeyedByEntryUuid() throws Exception {
    DirectorySnapshot snapshot = read();

    // 9 people, 1,650 bulk users, carl; the printer is an account, outsider is outside the bases
    assertThat(snapshot.userCount()).isEqualTo(1_660);
    assertThat(snapshot.groups())
        .extracting(SourceGroup::name)
        .containsExactlyInAnyOrder("staff", "devs", "unix", "everyone", "contractors");
    SourceUser zoe = userByDn(snapshot, "cn=Zoë Müller," + PEOPLE);
    assertThat(zoe.key()).isEqualTo(entryUuid("cn=Zoë Müller," + PEOPLE));
    assertThat(zoe.values("sn")).containsExactly("Müller");
    SourceUser smith = userByDn(snapshot, "cn=Smith\\, John," + PEOPLE);
    assertThat(smith.values("cn")).contains("Smith, John");
    assertThat(userByDn(snapshot, "uid=nomail," + PEOPLE).values("mail")).isEmpty();
    String alice = entryUuid("uid=alice," + PEOPLE);
    assertThat(group(snapshot, "staff").memberKeys())
        .containsExactlyInAnyOrder(alice, smith.key(), zoe.key());
    assertThat(group(snapshot, "devs").memberKeys())
        .containsExactlyInAnyOrder(alice, smith.key(), zoe.key());
    assertThat(group(snapshot, "unix").memberKeys())
        .containsExactlyInAnyOrder(alice, entryUuid("uid=nomail," + PEOPLE));
    assertThat(group(snapshot, "everyone").memberKeys()).hasSize(1_601).doesNotHaveDuplicates();
    assertThat(group(snapshot, "contractors").memberKeys())
        .containsExactly(entryUuid("uid=carl,ou=Contractors," + BASE));
    assertThat(zoe.groups()).containsExactly("devs", "staff");
    assertThat(snapshot.warnings())
        .anySatisfy(w -> assertThat(w).contains("group staff has 2 member reference(s)"))
        .anySatisfy(w -> assertThat(w).contains("cn=unix", "memberUid ghost"));
  }

  @Test
  void aSecondReadOfAnUnchangedDirectoryIsTheSame() {
    assertThat(org.scimsync.sources.assembly.Snapshots.content(read()))
        .isEqualTo(org.scimsync.sources.assembly.Snapshots.content(read()));
  }

  @Test
  void accountStatesFollowWhatSlapdStores() {
    DirectorySnapshot snapshot = read();

    SourceUser alice = userByDn(snapshot, "uid=alice," + PEOPLE);
    assertThat(state(alice, LdapFlavor.ACCOUNT_DISABLED)).isEqualTo("false");
    assertThat(state(alice, LdapFlavor.ACCOUNT_EXPIRED)).isEqualTo("false");
    assertThat(state(alice, LdapFlavor.ACCOUNT_LOCKED)).isEqualTo("false");
    SourceUser dave = userByDn(snapshot, "uid=dave," + PEOPLE);
    assertThat(state(dave, LdapFlavor.ACCOUNT_DISABLED)).isEqualTo("true");
    assertThat(state(userByDn(snapshot, "uid=erin," + PEOPLE), LdapFlavor.ACCOUNT_DISABLED))
        .isEqualTo("true");
    SourceUser frank = userByDn(snapshot, "uid=frank," + PEOPLE);
    assertThat(state(frank, LdapFlavor.ACCOUNT_EXPIRED)).isEqualTo("true");
    assertThat(state(frank, LdapFlavor.ACCOUNT_DISABLED)).isEqualTo("false");
  }

  @Test
  void threeWrongPasswordsLockButDoNotDisable() throws Exception {
    String locker = "uid=locker," + PEOPLE;
    for (int i = 0; i < 3; i++) {
      String attempt = "wrong-" + i;
      try (LDAPConnection connection = new LDAPConnection("127.0.0.1", server.ldapPort())) {
        assertThatThrownBy(() -> connection.bind(locker, attempt))
            .isInstanceOfSatisfying(
                LDAPException.class,
                e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
      }
    }
    try (LDAPConnection admin = server.admin()) {
      assertThat(
              admin
                  .getEntry(locker, "pwdAccountLockedTime")
                  .getAttributeValue("pwdAccountLockedTime"))
          .as("slapd locked the account")
          .isNotNull()
          .isNotEqualTo("000001010000Z");
    }

    SourceUser user = userByDn(read(), locker);

    assertThat(state(user, LdapFlavor.ACCOUNT_LOCKED)).isEqualTo("true");
    assertThat(state(user, LdapFlavor.ACCOUNT_DISABLED)).isEqualTo("false");
  }

  @Test
  void theStockSizeLimitStopsTheReadAndTheMessageNamesTheLimitToRaise() {
    LdapSourceConfig limited =
        config(
            server.ldapUrl(),
            false,
            OpenLdapServer.LIMITED_DN,
            List.of(PEOPLE),
            List.of("ou=Groups," + BASE),
            null);

    assertThatThrownBy(() -> new LdapDirectorySource(limited).read())
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE))
        .hasMessageContaining("user search under " + PEOPLE)
        .hasMessageContaining("size limit exceeded")
        .hasMessageContaining(
            "limits dn.exact=\"" + OpenLdapServer.LIMITED_DN + "\" size=unlimited");
  }

  @Test
  void readsOverLdapsAndStartTlsWithTheTestAuthority() {
    Path trust = server.pki().trustStore();

    DirectorySnapshot ldaps =
        new LdapDirectorySource(fixture(server.ldapsUrl(), false, trust)).read();
    DirectorySnapshot startTls =
        new LdapDirectorySource(fixture(server.ldapUrl(), true, trust)).read();

    assertThat(ldaps.userCount()).isEqualTo(1_660);
    assertThat(startTls.userCount()).isEqualTo(1_660);
  }

  @Test
  void refusesTheCertificateWithoutTheTestAuthority() {
    assertThatThrownBy(
            () -> new LdapDirectorySource(fixture(server.ldapsUrl(), false, null)).read())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("connect failed");
    assertThatThrownBy(() -> new LdapDirectorySource(fixture(server.ldapUrl(), true, null)).read())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("StartTLS");
  }
}
