package org.scimsync.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value (SCIM bearer token, LDAP password, webhook secret) that never shows itself by
 * accident: {@link #toString()} answers {@code "****"}, equality is a constant-time comparison, and
 * the value is only available through {@link #reveal()}, to be called right where it is sent.
 */
public final class Secret {

  private static final String MASK = "****";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @param value the secret, not empty
   * @return the holder
   * @throws IllegalArgumentException if the value is empty
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    return new Secret(value);
  }

  /**
   * Returns the secret value. Call it only where the value is sent, never to log or print it.
   *
   * @return the secret value
   */
  public String reveal() {
    return value;
  }

  /** Compares in constant time, so the comparison leaks nothing through its duration. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Secret that)) {
      return false;
    }
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  /** A constant: a hash of the value would leak information about it. */
  @Override
  public int hashCode() {
    return 31;
  }

  /** Always {@code "****"}. */
  @Override
  public String toString() {
    return MASK;
  }
}
