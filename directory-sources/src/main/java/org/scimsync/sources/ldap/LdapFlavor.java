package org.scimsync.sources.ldap;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import org.scimsync.common.ConfigEnum;

/**
 * The kind of LDAP server, which sets the defaults of an {@link LdapSourceConfig}: key attribute,
 * member attributes, search filters and the disabled-account rule.
 */
public enum LdapFlavor implements ConfigEnum {
  /**
   * Active Directory: key {@code objectGUID} (rendered as the canonical GUID string), members in
   * {@code member} (read with range retrieval when a group has more than the server returns at
   * once), users {@code (&(objectClass=user)(objectCategory=person))}, groups {@code
   * (objectClass=group)}. A user is also a member of its primary group ({@code primaryGroupID},
   * e.g. "Domain Users"), which AD does not list in the group's {@code member}. Every user gets the
   * attributes {@value #ACCOUNT_DISABLED} (bit 2, ACCOUNTDISABLE, of {@code userAccountControl}),
   * {@value #ACCOUNT_EXPIRED} ({@code accountExpires} has passed) and {@value #ACCOUNT_LOCKED}
   * ({@code lockoutTime} is set), see {@link AccountStatus}.
   */
  ACTIVE_DIRECTORY(
      "active-directory",
      "objectGUID",
      List.of("member"),
      "(&(objectClass=user)(objectCategory=person))",
      "(objectClass=group)"),
  /**
   * OpenLDAP and other RFC 4519 servers: key {@code entryUUID}, members in {@code member} and
   * {@code uniqueMember} (DNs) and in {@code memberUid} (RFC 2307 {@code posixGroup}: the {@code
   * uid} of the member user), users {@code (|(objectClass=inetOrgPerson)(objectClass=person))},
   * groups {@code
   * (|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))}. Every
   * user gets the attributes {@value #ACCOUNT_DISABLED} (an administrator's permanent lock, {@code
   * pwdAccountLockedTime: 000001010000Z}, or {@code nsAccountLock: TRUE}; a lockout after wrong
   * passwords is not), {@value #ACCOUNT_EXPIRED} ({@code shadowExpire} has passed) and {@value
   * #ACCOUNT_LOCKED} ({@code pwdAccountLockedTime} is present), see {@link AccountStatus}.
   */
  OPENLDAP(
      "openldap",
      "entryUUID",
      List.of("member", "uniqueMember", "memberUid"),
      "(|(objectClass=inetOrgPerson)(objectClass=person))",
      "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))");

  /** The attribute every flavor adds to users: {@code true} or {@code false}. */
  public static final String ACCOUNT_DISABLED = "accountDisabled";

  /** Whether the account's end date has passed: {@code true} or {@code false}. */
  public static final String ACCOUNT_EXPIRED = "accountExpired";

  /** Whether a lockout after wrong passwords is recorded: {@code true} or {@code false}. */
  public static final String ACCOUNT_LOCKED = "accountLocked";

  private final String configName;
  private final String defaultKey;
  private final List<String> defaultMemberAttributes;
  private final String defaultUserFilter;
  private final String defaultGroupFilter;

  LdapFlavor(
      String configName,
      String defaultKey,
      List<String> defaultMemberAttributes,
      String defaultUserFilter,
      String defaultGroupFilter) {
    this.configName = configName;
    this.defaultKey = defaultKey;
    this.defaultMemberAttributes = defaultMemberAttributes;
    this.defaultUserFilter = defaultUserFilter;
    this.defaultGroupFilter = defaultGroupFilter;
  }

  /** How the flavor is written in {@code source.ldap.flavor}. */
  @Override
  public String configName() {
    return configName;
  }

  @JsonCreator
  static LdapFlavor fromConfig(String text) {
    return ConfigEnum.parse(LdapFlavor.class, text);
  }

  /** The key attribute of users and groups unless configured. */
  public String defaultKey() {
    return defaultKey;
  }

  /**
   * The attributes holding members unless configured: DNs, except {@code memberUid}, which holds
   * uids.
   */
  public List<String> defaultMemberAttributes() {
    return defaultMemberAttributes;
  }

  /** The user search filter unless configured. */
  public String defaultUserFilter() {
    return defaultUserFilter;
  }

  /** The group search filter unless configured. */
  public String defaultGroupFilter() {
    return defaultGroupFilter;
  }

  /**
   * Whether users get the {@value #ACCOUNT_DISABLED}, {@value #ACCOUNT_EXPIRED} and {@value
   * #ACCOUNT_LOCKED} attributes (every flavor does).
   */
  public boolean marksDisabledAccounts() {
    return true;
  }

  /** Whether users are members of the group their {@code primaryGroupID} names. */
  public boolean hasPrimaryGroups() {
    return this == ACTIVE_DIRECTORY;
  }
}
