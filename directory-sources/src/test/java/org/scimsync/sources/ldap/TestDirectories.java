package org.scimsync.sources.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.Secret;
import org.scimsync.sources.assembly.NestedGroups;
import org.scimsync.sources.read.ObjectGuid;

/** In-memory LDAP servers on loopback with OpenLDAP-like and Active-Directory-like data. */
final class TestDirectories {

  static final String OPENLDAP_BASE = "dc=example,dc=com";
  static final String AD_BASE = "DC=corp,DC=example,DC=com";
  static final String AD_USERS = "OU=Staff," + AD_BASE;
  static final String AD_GROUPS = "OU=Groups," + AD_BASE;
  static final String BIND_DN = "cn=svc-scim,dc=example,dc=com";
  static final String BIND_PASSWORD = "correct-horse-battery-staple";
  static final int AD_USER_COUNT = 5_000;
  static final int AD_BIG_GROUP_SIZE = 3_000;
  static final int AD_SIZE_LIMIT = 1_000;

  private TestDirectories() {}

  static InMemoryDirectoryServerConfig config(String base, InMemoryListenerConfig listener)
      throws LDAPException {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(base);
    config.setListenerConfigs(listener);
    config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
    return config;
  }

  /** A source configuration with the flavor's defaults, as the tests of one concern need it. */
  static LdapSourceConfig sourceConfig(
      String url,
      @Nullable String bindDn,
      @Nullable String password,
      LdapFlavor flavor,
      String userBase,
      @Nullable String groupBase,
      @Nullable Duration connectTimeout,
      @Nullable Duration searchTimeout) {
    return sourceConfig(
        url, bindDn, password, flavor, userBase, groupBase, connectTimeout, searchTimeout, null, 0);
  }

  /**
   * A source configuration with the flavor's defaults but for nesting and the page size.
   *
   * @param nested how nested groups are handled, null for the default
   * @param pageSize the search page size, 0 for the default
   */
  static LdapSourceConfig sourceConfig(
      String url,
      @Nullable String bindDn,
      @Nullable String password,
      LdapFlavor flavor,
      String userBase,
      @Nullable String groupBase,
      @Nullable Duration connectTimeout,
      @Nullable Duration searchTimeout,
      @Nullable NestedGroups nested,
      int pageSize) {
    return new LdapSourceConfig(
        url,
        false,
        bindDn,
        password == null ? null : Secret.of(password),
        flavor,
        userBase,
        null,
        groupBase,
        null,
        null,
        null,
        null,
        null,
        nested,
        connectTimeout,
        searchTimeout,
        pageSize,
        null,
        null);
  }

  static InMemoryListenerConfig loopback() throws LDAPException {
    return InMemoryListenerConfig.createLDAPConfig(
        "ldap", InetAddress.getLoopbackAddress(), 0, null);
  }

  /** OpenLDAP-like: inetOrgPerson users, groupOfNames/groupOfUniqueNames, a nesting cycle. */
  static InMemoryDirectoryServer openLdap(InMemoryListenerConfig listener) throws Exception {
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config(OPENLDAP_BASE, listener));
    server.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
    server.add("dn: ou=People,dc=example,dc=com", "objectClass: organizationalUnit", "ou: People");
    server.add("dn: ou=Groups,dc=example,dc=com", "objectClass: organizationalUnit", "ou: Groups");
    person(server, "uid=alice", "Alice", "Adams", "alice@example.com");
    person(server, "uid=bob", "Bob", "Brown", "bob@example.com");
    person(server, "cn=Smith\\, John", "John", "Smith", "john.smith@example.com");
    server.add(
        "dn: uid=printer,ou=People,dc=example,dc=com", "objectClass: account", "uid: printer");
    server.add(
        "dn: cn=staff,ou=Groups,dc=example,dc=com",
        "objectClass: groupOfNames",
        "cn: staff",
        "member: uid=alice,ou=People,dc=example,dc=com",
        "member: cn=devs,ou=Groups,dc=example,dc=com",
        "member: uid=printer,ou=People,dc=example,dc=com");
    server.add(
        "dn: cn=devs,ou=Groups,dc=example,dc=com",
        "objectClass: groupOfUniqueNames",
        "cn: devs",
        "uniqueMember: UID=Bob, OU=People, DC=example, DC=com",
        "uniqueMember: cn=staff,ou=Groups,dc=example,dc=com");
    server.add(
        "dn: cn=admins,ou=Groups,dc=example,dc=com",
        "objectClass: groupOfNames",
        "cn: admins",
        "member: CN=Smith\\2C John,ou=people,dc=example,dc=com");
    return server;
  }

  private static void person(
      InMemoryDirectoryServer server, String rdn, String given, String family, String mail)
      throws Exception {
    server.add(
        "dn: " + rdn + ",ou=People,dc=example,dc=com",
        "objectClass: inetOrgPerson",
        "cn: " + given + " " + family,
        "givenName: " + given,
        "sn: " + family,
        "mail: " + mail);
  }

  /** The GUID of the i-th AD user, deterministic. */
  static byte[] guid(int i) {
    SplittableRandom random = new SplittableRandom(1000 + i);
    byte[] bytes = new byte[16];
    for (int b = 0; b < bytes.length; b++) {
      bytes[b] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  /** The canonical GUID string of the i-th AD user. */
  static String guidText(int i) {
    return ObjectGuid.toCanonicalString(guid(i));
  }

  static String adUserDn(int i) {
    return "CN=User " + i + "," + AD_USERS;
  }

  /**
   * Active-Directory-like, without schema checking: {@value #AD_USER_COUNT} users with binary
   * objectGUIDs and userAccountControl (every tenth disabled), a group of {@value
   * #AD_BIG_GROUP_SIZE} members, a small group nesting it, and a size limit of {@value
   * #AD_SIZE_LIMIT} entries per search.
   */
  static InMemoryDirectoryServer activeDirectory(
      InMemoryListenerConfig listener, AdLikeInterceptor interceptor) throws Exception {
    InMemoryDirectoryServerConfig config = config(AD_BASE, listener);
    config.setSchema(null);
    config.setMaxSizeLimit(AD_SIZE_LIMIT);
    config.addInMemoryOperationInterceptor(interceptor);
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry("dn: " + AD_BASE, "objectClass: domain", "dc: corp"));
    entries.add(new Entry("dn: " + AD_USERS, "objectClass: organizationalUnit", "ou: Staff"));
    entries.add(new Entry("dn: " + AD_GROUPS, "objectClass: organizationalUnit", "ou: Groups"));
    for (int i = 0; i < AD_USER_COUNT; i++) {
      Entry user = new Entry(adUserDn(i));
      user.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
      user.addAttribute("objectCategory", "person");
      user.addAttribute("cn", "User " + i);
      user.addAttribute("sAMAccountName", "user" + i);
      user.addAttribute("mail", "user" + i + "@corp.example.com");
      user.addAttribute("userAccountControl", i % 10 == 3 ? "514" : "512");
      user.addAttribute("objectGUID", guid(i));
      entries.add(user);
    }
    Entry computer = new Entry("CN=PC1," + AD_USERS);
    computer.addAttribute(
        "objectClass", "top", "person", "organizationalPerson", "user", "computer");
    computer.addAttribute("objectCategory", "computer");
    computer.addAttribute("cn", "PC1");
    computer.addAttribute("objectGUID", guid(-1));
    entries.add(computer);
    Entry big = new Entry("CN=All Staff," + AD_GROUPS);
    big.addAttribute("objectClass", "top", "group");
    big.addAttribute("cn", "All Staff");
    big.addAttribute("objectGUID", guid(100_000));
    String[] members = new String[AD_BIG_GROUP_SIZE];
    for (int i = 0; i < AD_BIG_GROUP_SIZE; i++) {
      members[i] = adUserDn(i);
    }
    big.addAttribute("member", members);
    entries.add(big);
    Entry small = new Entry("CN=aws-admins," + AD_GROUPS);
    small.addAttribute("objectClass", "top", "group");
    small.addAttribute("cn", "aws-admins");
    small.addAttribute("objectGUID", guid(100_001));
    small.addAttribute(
        "member", adUserDn(4_999), "CN=All Staff," + AD_GROUPS, "CN=PC1," + AD_USERS);
    entries.add(small);
    server.addEntries(entries);
    return server;
  }
}
