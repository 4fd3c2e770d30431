package org.scimsync.cli.config;

import java.util.Objects;

/**
 * A secret read from the configuration (SCIM token, LDAP bind password, webhook secret). Its {@link
 * #toString()} never shows the value; only {@link #reveal()} does, at the point of use.
 */
public final class SecretValue {

  private final String value;

  public SecretValue(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The secret itself; call only where it is handed to the library that sends it. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }
}
