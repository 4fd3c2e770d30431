package org.scimsync.sources.ldap.servers;

import org.jspecify.annotations.Nullable;

/**
 * The directory the real slapd is loaded with (by {@code slapadd}, before it starts): the awkward
 * cases of real directories. Under {@value #BASE}:
 *
 * <ul>
 *   <li>{@code ou=People}: alice, bob; {@code cn=Smith\, John} (an escaped comma); {@code cn=Zoë
 *       Müller} (a non-ASCII DN); nomail (no mail); dave (an administrator's permanent lock, {@code
 *       pwdAccountLockedTime: 000001010000Z}); erin ({@code nsAccountLock: TRUE}); frank (a past
 *       {@code shadowExpire}); locker (to be locked out by wrong passwords); a printer ({@code
 *       account}, not a user); {@code ou=Bulk}: {@value #BULK_USERS} users.
 *   <li>{@code ou=Contractors}: carl (a second user base). {@code ou=Elsewhere}: outsider, outside
 *       every base.
 *   <li>{@code ou=Groups}: staff ({@code groupOfNames}: alice, devs, outsider, the printer), devs
 *       ({@code groupOfUniqueNames}: Smith and Zoë, by differently written DNs, and staff: a
 *       cycle), unix ({@code posixGroup}: alice, nomail and a uid nobody has), everyone ({@value
 *       #EVERYONE_SIZE} members: above AD's 1,500 values per read). {@code ou=Teams}: contractors
 *       (carl; a second group base).
 *   <li>{@code ou=Changes}, {@code ou=Moved}, {@code ou=ChangeGroups}: entries the change test
 *       edits, renames, moves and deletes, and a big group ({@value #CHANGE_GROUP_SIZE} bulk users)
 *       a member leaves.
 * </ul>
 */
final class OpenLdapFixture {

  static final String BASE = "dc=example,dc=com";
  static final String BULK = "ou=Bulk,ou=People," + BASE;
  static final int BULK_USERS = 1_650;
  static final int EVERYONE_SIZE = 1_601;
  static final int CHANGE_GROUP_SIZE = 1_551;
  static final String POLICY = "cn=default,ou=Policies," + BASE;

  private OpenLdapFixture() {}

  static String bulkDn(int i) {
    return "uid=" + bulkUid(i) + "," + BULK;
  }

  static String bulkUid(int i) {
    return String.format("bulk%04d", i);
  }

  static String ldif(String bindDn, String limitedDn, String password) {
    Ldif ldif = new Ldif();
    ldif.entry(BASE).attribute("objectClass", "domain").attribute("dc", "example");
    for (String ou :
        new String[] {
          "Policies",
          "Service",
          "People",
          "Contractors",
          "Elsewhere",
          "Groups",
          "Teams",
          "Changes",
          "Moved",
          "ChangeGroups"
        }) {
      ldif.entry("ou=" + ou + "," + BASE)
          .attribute("objectClass", "organizationalUnit")
          .attribute("ou", ou);
    }
    ldif.entry(BULK).attribute("objectClass", "organizationalUnit").attribute("ou", "Bulk");
    ldif.entry(POLICY)
        .attribute("objectClass", "person", "pwdPolicy")
        .attribute("cn", "default")
        .attribute("sn", "policy")
        .attribute("pwdAttribute", "userPassword")
        .attribute("pwdLockout", "TRUE")
        .attribute("pwdMaxFailure", "3")
        .attribute("pwdLockoutDuration", "900");
    for (String dn : new String[] {bindDn, limitedDn}) {
      ldif.entry(dn)
          .attribute("objectClass", "person")
          .attribute("cn", dn.substring(3, dn.indexOf(',')))
          .attribute("sn", "service")
          .attribute("userPassword", password);
    }
    String people = "ou=People," + BASE;
    person(ldif, "uid=alice," + people, "alice", "Alice", "Adams", "alice@example.com")
        .attribute("userPassword", "alice-pass");
    person(ldif, "uid=bob," + people, "bob", "Bob", "Brown", "bob@example.com");
    person(ldif, "cn=Smith\\, John," + people, "jsmith", "John", "Smith", "john@example.com");
    person(ldif, "cn=Zoë Müller," + people, "zmuller", "Zoë", "Müller", "zoe@example.com");
    person(ldif, "uid=nomail," + people, "nomail", "No", "Mail", null);
    person(ldif, "uid=dave," + people, "dave", "Dave", "Davis", "dave@example.com")
        .attribute("pwdAccountLockedTime", "000001010000Z");
    person(
            ldif,
            "uid=erin," + people,
            "erin",
            "Erin",
            "Evans",
            "erin@example.com",
            "extensibleObject")
        .attribute("nsAccountLock", "TRUE");
    person(
            ldif,
            "uid=frank," + people,
            "frank",
            "Frank",
            "Fox",
            "frank@example.com",
            "shadowAccount")
        .attribute("shadowExpire", "19000");
    person(ldif, "uid=locker," + people, "locker", "Lock", "Out", "locker@example.com")
        .attribute("userPassword", "locker-pass");
    ldif.entry("uid=printer," + people)
        .attribute("objectClass", "account")
        .attribute("uid", "printer");
    for (int i = 0; i < BULK_USERS; i++) {
      person(ldif, bulkDn(i), bulkUid(i), "Bulk", "User " + i, bulkUid(i) + "@example.com");
    }
    person(ldif, "uid=carl,ou=Contractors," + BASE, "carl", "Carl", "Clark", "carl@example.com");
    person(ldif, "uid=outsider,ou=Elsewhere," + BASE, "outsider", "Out", "Sider", null);
    String groups = "ou=Groups," + BASE;
    ldif.entry("cn=staff," + groups)
        .attribute("objectClass", "groupOfNames")
        .attribute("cn", "staff")
        .attribute(
            "member",
            "uid=alice," + people,
            "cn=devs," + groups,
            "uid=outsider,ou=Elsewhere," + BASE,
            "uid=printer," + people);
    ldif.entry("cn=devs," + groups)
        .attribute("objectClass", "groupOfUniqueNames")
        .attribute("cn", "devs")
        .attribute(
            "uniqueMember",
            "CN=Smith\\2C John, OU=People, DC=example, DC=com",
            "cn=Zoë Müller,ou=people," + BASE,
            "cn=staff," + groups);
    ldif.entry("cn=unix," + groups)
        .attribute("objectClass", "posixGroup")
        .attribute("cn", "unix")
        .attribute("gidNumber", "5000")
        .attribute("memberUid", "alice", "NOMAIL", "ghost");
    ldif.entry("cn=everyone," + groups)
        .attribute("objectClass", "groupOfNames")
        .attribute("cn", "everyone");
    for (int i = 0; i < EVERYONE_SIZE - 1; i++) {
      ldif.attribute("member", bulkDn(i));
    }
    ldif.attribute("member", "uid=carl,ou=Contractors," + BASE);
    ldif.entry("cn=contractors,ou=Teams," + BASE)
        .attribute("objectClass", "groupOfNames")
        .attribute("cn", "contractors")
        .attribute("member", "uid=carl,ou=Contractors," + BASE);
    String changes = "ou=Changes," + BASE;
    for (String uid : new String[] {"edit", "disable", "rename", "move", "delete"}) {
      person(ldif, "uid=c-" + uid + "," + changes, "c-" + uid, "Change", uid, uid + "@example.com");
    }
    ldif.entry("cn=big,ou=ChangeGroups," + BASE)
        .attribute("objectClass", "groupOfNames")
        .attribute("cn", "big");
    for (int i = 0; i < CHANGE_GROUP_SIZE - 1; i++) {
      ldif.attribute("member", bulkDn(i));
    }
    ldif.attribute("member", "uid=c-edit," + changes);
    ldif.entry("cn=small,ou=ChangeGroups," + BASE)
        .attribute("objectClass", "groupOfNames")
        .attribute("cn", "small")
        .attribute(
            "member",
            "uid=c-rename," + changes,
            "uid=c-move," + changes,
            "uid=c-delete," + changes);
    return ldif.toString();
  }

  private static Ldif person(
      Ldif ldif,
      String dn,
      String uid,
      String given,
      String family,
      @Nullable String mail,
      String... auxiliaryClasses) {
    ldif.entry(dn)
        .attribute("objectClass", "inetOrgPerson")
        .attribute("objectClass", auxiliaryClasses)
        .attribute("uid", uid)
        .attribute("cn", given + " " + family)
        .attribute("givenName", given)
        .attribute("sn", family);
    String rdnValue = dn.substring(3, dn.indexOf(",ou=")).replace("\\,", ",");
    if (dn.startsWith("cn=") && !rdnValue.equals(given + " " + family)) {
      ldif.attribute("cn", rdnValue);
    }
    if (mail != null) {
      ldif.attribute("mail", mail);
    }
    return ldif;
  }
}
