package org.scimsync.sources.ldap.changes;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.scimsync.common.Secret;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.sources.ldap.LdapFlavor;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.servers.OpenLdapServer;

/**
 * A small directory of its own under a fresh OU of the shared slapd, for change tests: people
 * alice, bob, carol, dave; groups team (alice, bob), parent (team, carol), solo (dave, carol).
 */
final class SyncDirectory {

  final String base;
  final String people;
  final String groups;

  private SyncDirectory(String suffix) {
    this.base = "ou=sync-" + UUID.randomUUID().toString().substring(0, 8) + "," + suffix;
    this.people = "ou=People," + base;
    this.groups = "ou=Groups," + base;
  }

  /** Creates the entries with {@code admin} under {@code suffix}. */
  static SyncDirectory create(LDAPConnection admin, String suffix) throws LDAPException {
    SyncDirectory directory = new SyncDirectory(suffix);
    admin.add(directory.base, new Attribute("objectClass", "organizationalUnit"));
    admin.add(directory.people, new Attribute("objectClass", "organizationalUnit"));
    admin.add(directory.groups, new Attribute("objectClass", "organizationalUnit"));
    for (String uid : List.of("alice", "bob", "carol", "dave")) {
      directory.addUser(admin, uid);
    }
    directory.addGroup(admin, "team", directory.user("alice"), directory.user("bob"));
    directory.addGroup(admin, "parent", directory.group("team"), directory.user("carol"));
    directory.addGroup(admin, "solo", directory.user("dave"), directory.user("carol"));
    return directory;
  }

  void addUser(LDAPConnection admin, String uid) throws LDAPException {
    admin.add(
        user(uid),
        new Attribute("objectClass", "inetOrgPerson"),
        new Attribute("uid", uid),
        new Attribute("cn", uid),
        new Attribute("sn", uid),
        new Attribute("mail", uid + "@example.com"));
  }

  void addGroup(LDAPConnection admin, String cn, String... members) throws LDAPException {
    admin.add(
        group(cn),
        new Attribute("objectClass", "groupOfNames"),
        new Attribute("cn", cn),
        new Attribute("member", members));
  }

  String user(String uid) {
    return "uid=" + uid + "," + people;
  }

  String group(String cn) {
    return "cn=" + cn + "," + groups;
  }

  /** The source config reading this directory from {@code server}. */
  LdapSourceConfig config(OpenLdapServer server) {
    return config(server, List.of(people), List.of(groups));
  }

  /** A source config reading users and groups under these bases of {@code server}. */
  static LdapSourceConfig config(
      OpenLdapServer server, List<String> userBases, List<String> groupBases) {
    return new LdapSourceConfig(
        List.of(server.ldapUrl()),
        false,
        OpenLdapServer.BIND_DN,
        Secret.of(OpenLdapServer.BIND_PASSWORD),
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
        null,
        null);
  }

  static SourceUser userNamed(DirectorySnapshot snapshot, String uid) {
    return snapshot.users().stream()
        .filter(u -> u.values("uid").contains(uid))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no user " + uid));
  }

  static SourceGroup groupNamed(DirectorySnapshot snapshot, String name) {
    return snapshot.groups().stream()
        .filter(g -> g.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no group " + name));
  }

  static List<String> keys(List<? extends Object> objects) {
    List<String> keys = new ArrayList<>();
    for (Object object : objects) {
      keys.add(object instanceof SourceUser user ? user.key() : ((SourceGroup) object).key());
    }
    return keys;
  }
}
