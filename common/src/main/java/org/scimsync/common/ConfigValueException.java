package org.scimsync.common;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by the configuration records while they validate themselves; the configuration loader
 * turns it into an error naming the file, line and full key path.
 */
public final class ConfigValueException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final @Nullable String key;

  /**
   * @param key the offending key relative to the record being built, null for the record itself
   * @param message what is wrong, never containing a secret
   */
  public ConfigValueException(@Nullable String key, String message) {
    super(message);
    this.key = key;
  }

  /** The offending key relative to the record being built, or null. */
  public @Nullable String key() {
    return key;
  }
}
