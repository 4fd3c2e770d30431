package org.scimsync.cli.config;

import org.jspecify.annotations.Nullable;

/** Checks shared by the configuration records; each failure names the key. */
final class ConfigChecks {

  private ConfigChecks() {}

  static void requireNonBlankIfSet(String key, @Nullable String value) {
    if (value != null && value.isBlank()) {
      throw new ConfigValueException(key, "must not be empty");
    }
  }

  static String requireNonBlank(String key, @Nullable String value, String what) {
    if (value == null || value.isBlank()) {
      throw new ConfigValueException(key, "is required: " + what);
    }
    return value;
  }

  static int positiveOrDefault(String key, @Nullable Integer value, int defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    if (value <= 0) {
      throw new ConfigValueException(key, "must be a positive number, got " + value);
    }
    return value;
  }

  static void positiveIfSet(String key, @Nullable Double value) {
    if (value != null && !(value > 0)) {
      throw new ConfigValueException(key, "must be a positive number, got " + value);
    }
  }
}
