package org.scimsync.sources.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.sources.ldap.TestDirectories.BIND_DN;
import static org.scimsync.sources.ldap.TestDirectories.BIND_PASSWORD;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.schema.Schema;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;

/**
 * The OpenLDAP flavor against a server with the password policy overlay's operational {@code
 * pwdAccountLockedTime} and RFC 2307 {@code posixGroup}s: only an administrator's permanent lock
 * (or {@code nsAccountLock}) is {@code accountDisabled}, a lockout after wrong passwords is {@code
 * accountLocked} only, a past {@code shadowExpire} is {@code accountExpired}; {@code memberUid}
 * members resolve to the users with that uid.
 */
class OpenLdapFlavorIT {

  private static final String BASE = "dc=example,dc=com";
  private static final String PEOPLE = "ou=People," + BASE;
  private static final String GROUPS = "ou=Groups," + BASE;

  private static InMemoryDirectoryServer server;

  @BeforeAll
  static void start() throws Exception {
    InMemoryDirectoryServerConfig config = TestDirectories.config(BASE, TestDirectories.loopback());
    config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), ppolicyAndPosix()));
    server = new InMemoryDirectoryServer(config);
    server.add("dn: " + BASE, "objectClass: domain", "dc: example");
    server.add("dn: " + PEOPLE, "objectClass: organizationalUnit", "ou: People");
    server.add("dn: " + GROUPS, "objectClass: organizationalUnit", "ou: Groups");
    person("alice", "pwdAccountLockedTime: 20260101120000Z");
    person("bob");
    person("carol");
    person("dave", "pwdAccountLockedTime: 000001010000Z");
    person("erin", "objectClass: extensibleObject", "nsAccountLock: true");
    person("frank", "objectClass: shadowAccount", "shadowExpire: 19000");
    person("grace", "objectClass: shadowAccount", "shadowExpire: -1");
    person("heidi", "objectClass: shadowAccount", "shadowExpire: 99999");
    server.add(
        "dn: cn=unix," + GROUPS,
        "objectClass: posixGroup",
        "cn: unix",
        "gidNumber: 5000",
        "memberUid: alice",
        "memberUid: BOB",
        "memberUid: ghost");
    server.add(
        "dn: cn=staff," + GROUPS,
        "objectClass: groupOfNames",
        "cn: staff",
        "member: uid=carol," + PEOPLE,
        "member: cn=unix," + GROUPS);
    server.startListening();
  }

  @AfterAll
  static void stop() {
    server.shutDown(true);
  }

  private static void person(String uid, String... extra) throws Exception {
    Entry entry =
        new Entry(
            "uid=" + uid + "," + PEOPLE,
            new Attribute("objectClass", "inetOrgPerson"),
            new Attribute("uid", uid),
            new Attribute("cn", uid),
            new Attribute("sn", uid));
    for (String line : extra) {
      int colon = line.indexOf(':');
      entry.addAttribute(line.substring(0, colon), line.substring(colon + 1).trim());
    }
    server.add(entry);
  }

  /** ppolicy's lock time (operational, as in OpenLDAP) and RFC 2307's posixGroup. */
  private static Schema ppolicyAndPosix() throws Exception {
    return new Schema(
        new Entry(
            "cn=schema",
            new Attribute(
                "attributeTypes",
                // generalized time in OpenLDAP; a string here, since this server refuses the
                // year 0000 of the permanent lock (the real slapd in OpenLdapServerIT takes it)
                "( 1.3.6.1.4.1.42.2.27.8.1.17 NAME 'pwdAccountLockedTime'"
                    + " EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15"
                    + " SINGLE-VALUE USAGE directoryOperation )",
                "( 1.3.6.1.1.1.1.12 NAME 'memberUid' EQUALITY caseExactIA5Match"
                    + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.26 )",
                "( 1.3.6.1.1.1.1.1 NAME 'gidNumber' EQUALITY integerMatch"
                    + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
                "( 1.3.6.1.1.1.1.10 NAME 'shadowExpire' EQUALITY integerMatch"
                    + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
                "( 2.16.840.1.113730.3.1.610 NAME 'nsAccountLock' EQUALITY caseIgnoreMatch"
                    + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )"),
            new Attribute(
                "objectClasses",
                "( 1.3.6.1.1.1.2.2 NAME 'posixGroup' SUP top STRUCTURAL MUST ( cn $ gidNumber )"
                    + " MAY ( userPassword $ memberUid $ description ) )",
                "( 1.3.6.1.1.1.2.1 NAME 'shadowAccount' SUP top AUXILIARY MUST uid"
                    + " MAY ( shadowExpire $ description ) )")));
  }

  private static DirectorySnapshot read() {
    LdapSourceConfig config =
        TestDirectories.sourceConfig(
            "ldap://127.0.0.1:" + server.getListenPort(),
            BIND_DN,
            BIND_PASSWORD,
            LdapFlavor.OPENLDAP,
            PEOPLE,
            GROUPS,
            null,
            null);
    return new LdapDirectorySource(config).read();
  }

  private static String entryUuid(String dn) throws Exception {
    SearchResultEntry entry = server.getEntry(dn, "entryUUID");
    return entry.getAttributeValue("entryUUID");
  }

  @Test
  void theLockTimeIsOperationalSoOnlyARequestByNameReturnsIt() throws Exception {
    assertThat(server.getEntry("uid=alice," + PEOPLE).hasAttribute("pwdAccountLockedTime"))
        .isFalse();
    assertThat(
            server
                .getEntry("uid=alice," + PEOPLE, "*", "pwdAccountLockedTime")
                .hasAttribute("pwdAccountLockedTime"))
        .isTrue();
  }

  private static Map<String, SourceUser> usersByUid() {
    return read().users().stream()
        .collect(Collectors.toMap(u -> u.values("uid").get(0).toString(), Function.identity()));
  }

  private static String state(SourceUser user, String attribute) {
    assertThat(user.values(attribute)).hasSize(1);
    return user.values(attribute).get(0).toString();
  }

  @Test
  void onlyAnAdministratorsPermanentLockDisablesALockoutDoesNot() {
    Map<String, SourceUser> users = usersByUid();

    assertThat(state(users.get("alice"), LdapFlavor.ACCOUNT_DISABLED)).isEqualTo("false");
    assertThat(state(users.get("alice"), LdapFlavor.ACCOUNT_LOCKED)).isEqualTo("true");
    assertThat(state(users.get("dave"), LdapFlavor.ACCOUNT_DISABLED)).isEqualTo("true");
    assertThat(state(users.get("dave"), LdapFlavor.ACCOUNT_LOCKED)).isEqualTo("true");
    assertThat(state(users.get("bob"), LdapFlavor.ACCOUNT_DISABLED)).isEqualTo("false");
    assertThat(state(users.get("bob"), LdapFlavor.ACCOUNT_LOCKED)).isEqualTo("false");
    assertThat(users.get("carol").values("accountdisabled")).containsExactly("false");
  }

  @Test
  void nsAccountLockDisablesAndAPastShadowExpireExpires() {
    Map<String, SourceUser> users = usersByUid();

    assertThat(state(users.get("erin"), LdapFlavor.ACCOUNT_DISABLED)).isEqualTo("true");
    assertThat(state(users.get("erin"), LdapFlavor.ACCOUNT_EXPIRED)).isEqualTo("false");
    assertThat(state(users.get("frank"), LdapFlavor.ACCOUNT_EXPIRED)).isEqualTo("true");
    assertThat(state(users.get("frank"), LdapFlavor.ACCOUNT_DISABLED)).isEqualTo("false");
    assertThat(state(users.get("grace"), LdapFlavor.ACCOUNT_EXPIRED)).isEqualTo("false");
    assertThat(state(users.get("heidi"), LdapFlavor.ACCOUNT_EXPIRED)).isEqualTo("false");
  }

  @Test
  void memberUidsResolveToTheUsersWithThatUid() throws Exception {
    DirectorySnapshot snapshot = read();
    Map<String, SourceGroup> groups =
        snapshot.groups().stream()
            .collect(Collectors.toMap(SourceGroup::name, Function.identity()));

    String alice = entryUuid("uid=alice," + PEOPLE);
    String bob = entryUuid("uid=bob," + PEOPLE);
    String carol = entryUuid("uid=carol," + PEOPLE);
    assertThat(groups.get("unix").memberKeys()).containsExactly(alice, bob);
    assertThat(groups.get("staff").memberKeys()).containsExactlyInAnyOrder(carol, alice, bob);
    assertThat(snapshot.users().stream().filter(u -> u.key().equals(bob)).findFirst())
        .get()
        .satisfies(u -> assertThat(u.groups()).containsExactly("staff", "unix"));
    assertThat(snapshot.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w).contains("cn=unix", "memberUid ghost"));
  }
}
