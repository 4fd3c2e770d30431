package org.scimsync.cli.config;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The kind of LDAP server, which sets the defaults for the key, the member attribute and the
 * disabled-account rule: {@code source.ldap.flavor}.
 */
public enum LdapFlavor implements ConfigEnum {
  /** Microsoft Active Directory (objectGUID, member, userAccountControl). */
  ACTIVE_DIRECTORY("active-directory"),
  /**
   * OpenLDAP and other RFC 4512 servers (entryUUID; member/uniqueMember, posixGroup memberUid;
   * ppolicy pwdAccountLockedTime).
   */
  OPENLDAP("openldap");

  private final String configName;

  LdapFlavor(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }

  @JsonCreator
  static LdapFlavor fromConfig(String text) {
    return ConfigEnum.parse(LdapFlavor.class, text);
  }
}
