package org.scimsync.sources;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.scimsync.common.ConfigEnum;

/** The kind of directory source: {@code source.type}. */
public enum SourceType implements ConfigEnum {
  /** One LDIF file (RFC 2849). */
  LDIF("ldif"),
  /** A users CSV and an optional groups CSV. */
  CSV("csv"),
  /** An LDAP server or Active Directory. */
  LDAP("ldap");

  private final String configName;

  SourceType(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }

  @JsonCreator
  static SourceType fromConfig(String text) {
    return ConfigEnum.parse(SourceType.class, text);
  }
}
