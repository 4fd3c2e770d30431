package org.scimsync.sources.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimsync.sources.assembly.Snapshots.content;
import static org.scimsync.sources.assembly.Snapshots.group;
import static org.scimsync.sources.assembly.Snapshots.userByDn;
import static org.scimsync.sources.ldap.servers.SambaDomainController.BASE;
import static org.scimsync.sources.ldap.servers.SambaDomainController.BIND_DN;
import static org.scimsync.sources.ldap.servers.SambaDomainController.BIND_PASSWORD;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scimsync.common.Secret;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.sources.ldap.servers.SambaDomainController;
import org.scimsync.sources.read.ObjectGuid;

/**
 * The Active Directory flavor against a real Samba 4 domain controller ({@link
 * SambaDomainController}): the whole fixture read over TLS (two user bases, two group bases
 * including CN=Users, non-ASCII and escaped DNs, nesting with a cycle, a group of 1,601, a member
 * outside the bases), primary groups, the account-state rules, the stock refusal of simple binds
 * without TLS, and range retrieval with explicit {@code member;range=} requests.
 */
class ActiveDirectoryServerIT {

  private static final String STAFF = "OU=Staff," + BASE;
  private static final int USERS = 1_658;
  private static SambaDomainController server;

  @BeforeAll
  static void start() throws Exception {
    server = SambaDomainController.get();
  }

  static LdapSourceConfig config(
      String url, boolean startTls, List<String> userBases, List<String> groupBases) {
    return new LdapSourceConfig(
        List.of(url),
        startTls,
        BIND_DN,
        Secret.of(BIND_PASSWORD),
        LdapFlavor.ACTIVE_DIRECTORY,
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
        Duration.ofSeconds(60),
        0,
        server.pki().trustStore(),
        Secret.of(server.pki().trustStorePassword()));
  }

  private static LdapSourceConfig fixture(String url, boolean startTls) {
    return config(
        url,
        startTls,
        List.of(STAFF, "OU=Contractors," + BASE),
        List.of("OU=Groups," + BASE, "CN=Users," + BASE));
  }

  private static DirectorySnapshot read() {
    return new LdapDirectorySource(fixture(server.ldapsUrl(), false)).read();
  }

  private static String guid(String dn) throws LDAPException {
    try (LDAPConnection admin = server.admin()) {
      return ObjectGuid.toCanonicalString(
          admin.getEntry(dn, "objectGUID").getAttributeValueBytes("objectGUID"));
    }
  }

  private static String state(SourceUser user, String attribute) {
    assertThat(user.values(attribute)).as("%s of %s", attribute, user.dn()).hasSize(1);
    return user.values(attribute).get(0).toString();
  }

  @Test
  void aSimpleBindWithoutTlsIsRefusedAndTheMessageSaysWhatToUse() {
    LdapSourceConfig plain =
        new LdapSourceConfig(
            server.ldapUrl(),
            false,
            BIND_DN,
            Secret.of(BIND_PASSWORD),
            LdapFlavor.ACTIVE_DIRECTORY,
            STAFF,
            null,
            null,
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

    assertThatThrownBy(() -> new LdapDirectorySource(plain).read())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("bind as " + BIND_DN)
        .hasMessageContaining("strong auth required")
        .hasMessageContaining("use an ldaps:// url")
        .hasMessageContaining("startTls: true")
        .hasMessageNotContaining(BIND_PASSWORD);
  }

  @Test
  void readsTheWholeDomainKeyedByObjectGuid() throws Exception {
    DirectorySnapshot snapshot = read();

    assertThat(snapshot.userCount()).isEqualTo(USERS);
    SourceUser alice = userByDn(snapshot, "CN=alice," + STAFF);
    assertThat(alice.key()).isEqualTo(guid("CN=alice," + STAFF));
    SourceUser zoe = userByDn(snapshot, "CN=Zoë Müller," + STAFF);
    assertThat(zoe.values("sn")).containsExactly("Müller");
    SourceUser smith = userByDn(snapshot, "CN=Smith\\, John," + STAFF);
    assertThat(userByDn(snapshot, "CN=nomail," + STAFF).values("mail")).isEmpty();
    assertThat(group(snapshot, "staff").memberKeys())
        .containsExactlyInAnyOrder(alice.key(), smith.key(), zoe.key());
    assertThat(group(snapshot, "devs").memberKeys())
        .containsExactlyInAnyOrder(alice.key(), smith.key(), zoe.key());
    assertThat(group(snapshot, "All Staff").memberKeys()).hasSize(1_601).doesNotHaveDuplicates();
    assertThat(snapshot.warnings())
        .anySatisfy(w -> assertThat(w).contains("group staff has 1 member reference(s)"));
  }

  @Test
  void everyUserIsAMemberOfItsPrimaryGroup() {
    DirectorySnapshot snapshot = read();

    assertThat(group(snapshot, "Domain Users").memberKeys()).hasSize(USERS);
    assertThat(userByDn(snapshot, "CN=alice," + STAFF).groups())
        .containsExactly("Domain Users", "devs", "staff")
        .isSorted();
  }

  @Test
  void aSecondReadOfAnUnchangedDomainIsTheSame() {
    assertThat(content(read())).isEqualTo(content(read()));
  }

  @Test
  void readsOverStartTls() {
    assertThat(new LdapDirectorySource(fixture(server.ldapUrl(), true)).read().userCount())
        .isEqualTo(USERS);
  }

  @Test
  void accountStatesFollowWhatTheDomainStores() {
    DirectorySnapshot snapshot = read();

    SourceUser alice = userByDn(snapshot, "CN=alice," + STAFF);
    assertThat(state(alice, LdapFlavor.ACCOUNT_DISABLED)).isEqualTo("false");
    assertThat(state(alice, LdapFlavor.ACCOUNT_EXPIRED)).isEqualTo("false");
    assertThat(state(alice, LdapFlavor.ACCOUNT_LOCKED)).isEqualTo("false");
    assertThat(state(userByDn(snapshot, "CN=bob," + STAFF), LdapFlavor.ACCOUNT_DISABLED))
        .isEqualTo("true");
    SourceUser expired = userByDn(snapshot, "CN=expired," + STAFF);
    assertThat(state(expired, LdapFlavor.ACCOUNT_EXPIRED)).isEqualTo("true");
    assertThat(state(expired, LdapFlavor.ACCOUNT_DISABLED)).isEqualTo("false");
  }

  @Test
  void threeWrongPasswordsLockButDoNotDisable() throws Exception {
    String locker = "CN=locker," + STAFF;
    for (int i = 0; i < 3; i++) {
      String attempt = "Wrong-" + i + "-password!";
      assertThatThrownBy(() -> server.connect(locker, attempt).close())
          .isInstanceOfSatisfying(
              LDAPException.class,
              e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
    }
    try (LDAPConnection admin = server.admin()) {
      assertThat(admin.getEntry(locker, "lockoutTime").getAttributeValueAsLong("lockoutTime"))
          .as("the domain locked the account")
          .isPositive();
    }

    SourceUser user = userByDn(read(), locker);

    assertThat(state(user, LdapFlavor.ACCOUNT_LOCKED)).isEqualTo("true");
    assertThat(state(user, LdapFlavor.ACCOUNT_DISABLED)).isEqualTo("false");
  }

  @Test
  void rangeRetrievalReadsEveryValueWhenAskedForSlices() throws Exception {
    String allStaff = "CN=All Staff,OU=Groups," + BASE;
    try (LDAPConnection admin = server.admin()) {
      SearchResultEntry whole = admin.getEntry(allStaff, "member");
      SearchResultEntry slice = admin.getEntry(allStaff, "member;range=0-499");
      assertThat(slice.getAttributes())
          .singleElement()
          .satisfies(a -> assertThat(a.getName()).isEqualToIgnoringCase("member;range=0-499"));
      PagedSearch search = new PagedSearch(admin, "samba", null, 500, Duration.ofSeconds(30));

      List<String> values = search.allValues(slice, "member");

      assertThat(whole.getAttribute("member").size()).as("Samba answers whole").isEqualTo(1_601);
      assertThat(values)
          .hasSize(1_601)
          .containsExactlyInAnyOrder(whole.getAttribute("member").getValues());
      assertThat(search.rangeRequests()).isPositive();
    }
  }
}
