package org.scimsync.sources.ldap.servers;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The domain the real Samba DC is loaded with (by {@code ldbadd} and {@code ldbmodify} into the
 * freshly provisioned database, before it starts): the awkward cases of real domains. Under {@value
 * #BASE}:
 *
 * <ul>
 *   <li>{@code OU=Staff}: alice, bob (disabled, {@code userAccountControl} 546), {@code CN=Smith\,
 *       John}, {@code CN=Zoë Müller}, nomail, expired (a past {@code accountExpires}), locker (to
 *       be locked out by wrong passwords); {@code OU=Bulk}: {@value #BULK_USERS} users.
 *   <li>{@code OU=Contractors}: carl (a second user base). {@code OU=Elsewhere}: outsider.
 *   <li>{@code OU=Groups}: staff (alice, devs, outsider), devs (Smith, Zoë and staff: a cycle), All
 *       Staff ({@value #ALL_STAFF_SIZE} members). Every user's primary group is Domain Users
 *       ({@code CN=Users}), which lists none of them in {@code member}.
 *   <li>{@code OU=Changes}, {@code OU=Moved}, {@code OU=ChangeGroups}: entries the change test
 *       edits, disables, renames, moves and deletes, and a group of {@value #CHANGE_GROUP_SIZE} a
 *       member leaves.
 *   <li>The domain locks an account after three wrong passwords.
 * </ul>
 */
final class ActiveDirectoryFixture {

  static final String BASE = "DC=corp,DC=example,DC=com";
  static final String BULK = "OU=Bulk,OU=Staff," + BASE;
  static final int BULK_USERS = 1_650;
  static final int ALL_STAFF_SIZE = 1_601;
  static final int CHANGE_GROUP_SIZE = 1_551;
  static final String ENABLED = "544"; // NORMAL_ACCOUNT | PASSWD_NOTREQD
  static final String DISABLED = "546"; // ... | ACCOUNTDISABLE
  static final String WITH_PASSWORD = "66048"; // NORMAL_ACCOUNT | DONT_EXPIRE_PASSWORD

  /** 2019-04-22 in 100 ns since 1601: an end date in the past. */
  static final String PAST = "132000000000000000";

  private ActiveDirectoryFixture() {}

  static String bulkDn(int i) {
    return "CN=" + bulkName(i) + "," + BULK;
  }

  static String bulkName(int i) {
    return String.format("bulk%04d", i);
  }

  /** The entries, added before the memberships. */
  static String entries(String bindDn, String bindPassword, String lockerPassword) {
    Ldif ldif = new Ldif();
    for (String ou :
        new String[] {
          "OU=Service",
          "OU=Staff",
          "OU=Bulk,OU=Staff",
          "OU=Contractors",
          "OU=Elsewhere",
          "OU=Groups",
          "OU=Changes",
          "OU=Moved",
          "OU=ChangeGroups"
        }) {
      ldif.entry(ou + "," + BASE)
          .attribute("objectClass", "organizationalUnit")
          .attribute("ou", ou.substring(3, ou.indexOf(',') < 0 ? ou.length() : ou.indexOf(',')));
    }
    user(ldif, bindDn, "svc-scim", null, WITH_PASSWORD)
        .binary("unicodePwd", password(bindPassword));
    String staff = "OU=Staff," + BASE;
    user(ldif, "CN=alice," + staff, "alice", "alice@corp.example.com", ENABLED);
    user(ldif, "CN=bob," + staff, "bob", "bob@corp.example.com", DISABLED);
    user(ldif, "CN=Smith\\, John," + staff, "jsmith", "john@corp.example.com", ENABLED);
    user(ldif, "CN=Zoë Müller," + staff, "zmuller", "zoe@corp.example.com", ENABLED)
        .attribute("sn", "Müller");
    user(ldif, "CN=nomail," + staff, "nomail", null, ENABLED);
    user(ldif, "CN=expired," + staff, "expired", "expired@corp.example.com", ENABLED)
        .attribute("accountExpires", PAST);
    user(ldif, "CN=locker," + staff, "locker", "locker@corp.example.com", WITH_PASSWORD)
        .binary("unicodePwd", password(lockerPassword));
    for (int i = 0; i < BULK_USERS; i++) {
      user(ldif, bulkDn(i), bulkName(i), bulkName(i) + "@corp.example.com", ENABLED);
    }
    user(ldif, "CN=carl,OU=Contractors," + BASE, "carl", "carl@corp.example.com", ENABLED);
    user(ldif, "CN=outsider,OU=Elsewhere," + BASE, "outsider", null, ENABLED);
    for (String group : new String[] {"staff", "devs", "All Staff"}) {
      group(ldif, "CN=" + group + ",OU=Groups," + BASE, group.replace(' ', '-'));
    }
    String changes = "OU=Changes," + BASE;
    for (String name : new String[] {"c-edit", "c-disable", "c-rename", "c-move", "c-delete"}) {
      user(ldif, "CN=" + name + "," + changes, name, name + "@corp.example.com", ENABLED);
    }
    group(ldif, "CN=big,OU=ChangeGroups," + BASE, "big");
    group(ldif, "CN=small,OU=ChangeGroups," + BASE, "small");
    return ldif.toString();
  }

  /** The memberships and the lockout policy, as modify records. */
  static String modifications() {
    String groups = "OU=Groups," + BASE;
    String staff = "OU=Staff," + BASE;
    StringBuilder ldif = new StringBuilder();
    ldif.append("dn: ")
        .append(BASE)
        .append('\n')
        .append("changetype: modify\nreplace: lockoutThreshold\nlockoutThreshold: 3\n-\n\n");
    members(
        ldif,
        "CN=staff," + groups,
        "CN=alice," + staff,
        "CN=devs," + groups,
        "CN=outsider,OU=Elsewhere," + BASE);
    members(
        ldif,
        "CN=devs," + groups,
        "CN=Smith\\, John," + staff,
        "CN=Zoë Müller," + staff,
        "CN=staff," + groups);
    String[] all = new String[ALL_STAFF_SIZE];
    for (int i = 0; i < ALL_STAFF_SIZE - 1; i++) {
      all[i] = bulkDn(i);
    }
    all[ALL_STAFF_SIZE - 1] = "CN=carl,OU=Contractors," + BASE;
    members(ldif, "CN=All Staff," + groups, all);
    String[] big = new String[CHANGE_GROUP_SIZE];
    for (int i = 0; i < CHANGE_GROUP_SIZE - 1; i++) {
      big[i] = bulkDn(i);
    }
    big[CHANGE_GROUP_SIZE - 1] = "CN=c-edit,OU=Changes," + BASE;
    members(ldif, "CN=big,OU=ChangeGroups," + BASE, big);
    members(
        ldif,
        "CN=small,OU=ChangeGroups," + BASE,
        "CN=c-rename,OU=Changes," + BASE,
        "CN=c-move,OU=Changes," + BASE,
        "CN=c-delete,OU=Changes," + BASE);
    return ldif.toString();
  }

  private static void members(StringBuilder ldif, String group, String... members) {
    Ldif values = new Ldif().attribute("member", members);
    ldif.append("dn: ")
        .append(group)
        .append('\n')
        .append("changetype: modify\nadd: member\n")
        .append(values)
        .append("-\n\n");
  }

  private static Ldif user(
      Ldif ldif, String dn, String account, @Nullable String mail, String control) {
    ldif.entry(dn)
        .attribute("objectClass", "user")
        .attribute("sAMAccountName", account)
        .attribute("userAccountControl", control);
    if (mail != null) {
      ldif.attribute("mail", mail);
    }
    return ldif;
  }

  private static void group(Ldif ldif, String dn, String account) {
    ldif.entry(dn).attribute("objectClass", "group").attribute("sAMAccountName", account);
  }

  /** {@code unicodePwd}: the password in double quotes, UTF-16LE, as AD takes it. */
  private static byte[] password(String password) {
    return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
  }
}
