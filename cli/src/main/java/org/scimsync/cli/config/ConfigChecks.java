package org.scimsync.cli.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.Secret;

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

  static void requireTrustStoreWithPassword(@Nullable Path trustStore, @Nullable Secret password) {
    if (password != null && trustStore == null) {
      throw new ConfigValueException("trustStorePassword", "is set but trustStore is not");
    }
  }
}
