package org.scimsync.sources.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimsync.sources.assembly.Snapshots.group;
import static org.scimsync.sources.ldap.TestDirectories.AD_BASE;
import static org.scimsync.sources.ldap.TestDirectories.AD_GROUPS;
import static org.scimsync.sources.ldap.TestDirectories.AD_USERS;
import static org.scimsync.sources.ldap.TestDirectories.BIND_DN;
import static org.scimsync.sources.ldap.TestDirectories.BIND_PASSWORD;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.sources.assembly.NestedGroups;

class LdapDirectorySourceIT {

  private static InMemoryDirectoryServer openLdap;
  private static InMemoryDirectoryServer activeDirectory;
  private static final AdLikeInterceptor interceptor = new AdLikeInterceptor();

  @BeforeAll
  static void startServers() throws Exception {
    openLdap = TestDirectories.openLdap(TestDirectories.loopback());
    openLdap.startListening();
    activeDirectory = TestDirectories.activeDirectory(TestDirectories.loopback(), interceptor);
    activeDirectory.startListening();
  }

  @AfterAll
  static void stopServers() {
    openLdap.shutDown(true);
    activeDirectory.shutDown(true);
  }

  @AfterEach
  void resetFaults() {
    interceptor.reset();
  }

  static String url(InMemoryDirectoryServer server) {
    return "ldap://127.0.0.1:" + server.getListenPort();
  }

  static LdapSourceConfig config(
      String url,
      LdapFlavor flavor,
      String userBase,
      String groupBase,
      int pageSize,
      String password,
      NestedGroups nested) {
    return TestDirectories.sourceConfig(
        url,
        BIND_DN,
        password,
        flavor,
        userBase,
        groupBase,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        nested,
        pageSize);
  }

  private static LdapSourceConfig openLdapConfig(NestedGroups nested) {
    return config(
        url(openLdap),
        LdapFlavor.OPENLDAP,
        "ou=People,dc=example,dc=com",
        "ou=Groups,dc=example,dc=com",
        0,
        BIND_PASSWORD,
        nested);
  }

  private static LdapSourceConfig adConfig(int pageSize) {
    return config(
        url(activeDirectory),
        LdapFlavor.ACTIVE_DIRECTORY,
        AD_USERS,
        AD_GROUPS,
        pageSize,
        BIND_PASSWORD,
        NestedGroups.FLATTEN);
  }

  private static Map<String, SourceUser> usersByDn(DirectorySnapshot snapshot) {
    return snapshot.users().stream().collect(Collectors.toMap(SourceUser::dn, Function.identity()));
  }

  private static String entryUuid(String dn) throws Exception {
    return openLdap.getEntry(dn, "entryUUID").getAttributeValue("entryUUID");
  }

  @Test
  void readsOpenLdapUsersAndGroupsKeyedByEntryUuid() throws Exception {
    DirectorySnapshot snapshot =
        new LdapDirectorySource(openLdapConfig(NestedGroups.FLATTEN)).read();

    String alice = entryUuid("uid=alice,ou=People,dc=example,dc=com");
    String bob = entryUuid("uid=bob,ou=People,dc=example,dc=com");
    String smith = entryUuid("cn=Smith\\, John,ou=People,dc=example,dc=com");
    assertThat(snapshot.users())
        .extracting(SourceUser::key)
        .containsExactlyInAnyOrder(alice, bob, smith);
    SourceUser aliceUser = usersByDn(snapshot).get("uid=alice,ou=People,dc=example,dc=com");
    assertThat(aliceUser.values("mail")).containsExactly("alice@example.com");
    assertThat(aliceUser.groups()).containsExactly("devs", "staff");
    assertThat(aliceUser.values(LdapFlavor.ACCOUNT_DISABLED)).containsExactly("false");

    SourceGroup staff = group(snapshot, "staff");
    assertThat(staff.key()).isEqualTo(entryUuid("cn=staff,ou=Groups,dc=example,dc=com"));
    assertThat(staff.memberKeys()).containsExactly(alice, bob);
    assertThat(staff.values("member")).isEmpty();
    assertThat(staff.groups()).containsExactly("devs");
    assertThat(group(snapshot, "devs").memberKeys()).containsExactly(bob, alice);
    assertThat(group(snapshot, "admins").memberKeys()).containsExactly(smith);
    assertThat(snapshot.warnings())
        .singleElement()
        .asString()
        .contains("staff", "uid=printer,ou=people,dc=example,dc=com");
  }

  @Test
  void ignoredNestingKeepsDirectMembers() throws Exception {
    DirectorySnapshot snapshot =
        new LdapDirectorySource(openLdapConfig(NestedGroups.IGNORE)).read();

    assertThat(group(snapshot, "staff").memberKeys())
        .containsExactly(entryUuid("uid=alice,ou=People,dc=example,dc=com"));
  }

  @Test
  void readsActiveDirectoryBeyondItsSizeLimitWithPagingAndRangeRetrieval() {
    int rangeRequestsBefore = interceptor.rangeRequests();

    DirectorySnapshot snapshot = new LdapDirectorySource(adConfig(500)).read();

    assertThat(snapshot.userCount()).isEqualTo(TestDirectories.AD_USER_COUNT);
    Map<String, SourceUser> users = usersByDn(snapshot);
    SourceUser user3 = users.get(TestDirectories.adUserDn(3));
    assertThat(user3.key()).isEqualTo(TestDirectories.guidText(3));
    assertThat(user3.values("objectGUID").get(0)).isInstanceOf(byte[].class);
    assertThat(user3.values(LdapFlavor.ACCOUNT_DISABLED)).containsExactly("true");
    assertThat(users.get(TestDirectories.adUserDn(4)).values(LdapFlavor.ACCOUNT_DISABLED))
        .containsExactly("false");
    assertThat(users).doesNotContainKey("CN=PC1," + AD_USERS);

    SourceGroup allStaff = group(snapshot, "All Staff");
    assertThat(allStaff.key()).isEqualTo(TestDirectories.guidText(100_000));
    assertThat(allStaff.memberKeys())
        .hasSize(TestDirectories.AD_BIG_GROUP_SIZE)
        .doesNotHaveDuplicates();
    assertThat(allStaff.memberKeys().get(2_999)).isEqualTo(TestDirectories.guidText(2_999));
    assertThat(allStaff.attributes().keySet()).noneMatch(name -> name.startsWith("member"));
    assertThat(interceptor.rangeRequests() - rangeRequestsBefore).isEqualTo(1);

    SourceGroup admins = group(snapshot, "aws-admins");
    assertThat(admins.memberKeys()).hasSize(TestDirectories.AD_BIG_GROUP_SIZE + 1);
    assertThat(users.get(TestDirectories.adUserDn(0)).groups())
        .containsExactly("All Staff", "aws-admins");
    assertThat(snapshot.membershipCount()).isEqualTo(2L * TestDirectories.AD_BIG_GROUP_SIZE + 1);
  }

  @Test
  void interceptorSlicesLargeMemberListsLikeActiveDirectory() throws Exception {
    try (LDAPConnection connection =
        new LDAPConnection("127.0.0.1", activeDirectory.getListenPort())) {
      SearchResultEntry first = connection.getEntry("CN=All Staff," + AD_GROUPS, "*");
      assertThat(first.getAttribute("member")).isNull();
      assertThat(first.getAttribute("member;range=0-1499").size())
          .isEqualTo(AdLikeInterceptor.SLICE);

      SearchResultEntry second =
          connection.getEntry("CN=All Staff," + AD_GROUPS, "member;range=1500-*");
      assertThat(second.getAttribute("member;range=1500-*").getValues())
          .hasSize(1_500)
          .startsWith(TestDirectories.adUserDn(1_500))
          .endsWith(TestDirectories.adUserDn(2_999));

      SearchResultEntry small = connection.getEntry("CN=aws-admins," + AD_GROUPS, "member");
      assertThat(small.getAttribute("member").size()).isEqualTo(3);
    }
  }

  @Test
  void serverSizeLimitIsEnforcedWithoutPaging() throws Exception {
    try (LDAPConnection connection =
        new LDAPConnection("127.0.0.1", activeDirectory.getListenPort())) {
      assertThatThrownBy(
              () -> connection.search(AD_USERS, SearchScope.SUB, "(objectClass=user)", "cn"))
          .isInstanceOfSatisfying(
              LDAPSearchException.class,
              e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.SIZE_LIMIT_EXCEEDED));
    }
  }

  @Test
  void aPageLargerThanTheSizeLimitFailsInsteadOfReturningFewerUsers() {
    assertThatThrownBy(() -> new LdapDirectorySource(adConfig(2_000)).read())
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE))
        .hasMessageContaining("size limit exceeded")
        .hasMessageContaining("pageSize");
  }

  @Test
  void aSearchThatStopsOnALaterPageFails() {
    interceptor.failSearch(3, ResultCode.TIME_LIMIT_EXCEEDED);

    assertThatThrownBy(() -> new LdapDirectorySource(adConfig(500)).read())
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE))
        .hasMessageContaining("user search")
        .hasMessageContaining("time limit exceeded");
  }

  @Test
  void aWrongPasswordIsUnavailableAndNeverShown() {
    String wrong = "Tr0ub4dor&3-not-the-password";
    LdapSourceConfig config =
        config(
            url(openLdap),
            LdapFlavor.OPENLDAP,
            "ou=People,dc=example,dc=com",
            null,
            0,
            wrong,
            NestedGroups.FLATTEN);

    assertThatThrownBy(() -> new LdapDirectorySource(config).read())
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE);
              assertThat(e.getMessage()).contains("invalid credentials", BIND_DN);
              for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(wrong);
                assertThat(t.toString()).doesNotContain(wrong);
              }
            });
    assertThat(config.toString()).doesNotContain(wrong);
  }

  @Test
  void anUnreachableServerIsUnavailable() throws Exception {
    int port;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    LdapSourceConfig config =
        config(
            "ldap://127.0.0.1:" + port,
            LdapFlavor.OPENLDAP,
            "dc=example,dc=com",
            null,
            0,
            BIND_PASSWORD,
            NestedGroups.FLATTEN);

    assertThatThrownBy(() -> new LdapDirectorySource(config).read())
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE))
        .hasMessageContaining("ldap://127.0.0.1:" + port)
        .hasMessageContaining("connect failed")
        .message()
        .doesNotContain(BIND_PASSWORD);
  }

  @Test
  void aMissingBaseOrABadFilterIsInvalidInput() {
    LdapSourceConfig missingBase =
        config(
            url(openLdap),
            LdapFlavor.OPENLDAP,
            "ou=Nowhere,dc=example,dc=com",
            null,
            0,
            BIND_PASSWORD,
            NestedGroups.FLATTEN);
    assertThatThrownBy(() -> new LdapDirectorySource(missingBase).read())
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.INVALID_INPUT))
        .hasMessageContaining("no such object");

    LdapSourceConfig badFilter =
        new LdapSourceConfig(
            url(openLdap),
            false,
            null,
            null,
            LdapFlavor.OPENLDAP,
            "dc=example,dc=com",
            "(objectClass=person",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            0,
            null,
            null);
    assertThatThrownBy(() -> new LdapDirectorySource(badFilter).read())
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.INVALID_INPUT))
        .hasMessageContaining("(objectClass=person");
  }

  @Test
  void describesTheServerAndBase() {
    assertThat(new LdapDirectorySource(adConfig(500)).describe())
        .isEqualTo("ldap:ldap://127.0.0.1:" + activeDirectory.getListenPort() + "/" + AD_USERS);
    assertThat(List.of(AD_BASE)).isNotEmpty();
  }
}
