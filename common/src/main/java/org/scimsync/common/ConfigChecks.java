package org.scimsync.common;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks shared by the configuration records of every module; each failure is a {@link
 * ConfigValueException} naming the key.
 */
public final class ConfigChecks {

  private ConfigChecks() {}

  public static void requireNonBlankIfSet(String key, @Nullable String value) {
    if (value != null && value.isBlank()) {
      throw new ConfigValueException(key, "must not be empty");
    }
  }

  public static String requireNonBlank(String key, @Nullable String value, String what) {
    if (value == null || value.isBlank()) {
      throw new ConfigValueException(key, "is required: " + what);
    }
    return value;
  }

  public static int positiveOrDefault(String key, @Nullable Integer value, int defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    if (value <= 0) {
      throw new ConfigValueException(key, "must be a positive number, got " + value);
    }
    return value;
  }

  public static void positiveIfSet(String key, @Nullable Double value) {
    if (value != null && !(value > 0)) {
      throw new ConfigValueException(key, "must be a positive number, got " + value);
    }
  }

  public static void requireTrustStoreWithPassword(
      @Nullable Path trustStore, @Nullable Secret password) {
    if (password != null && trustStore == null) {
      throw new ConfigValueException("trustStorePassword", "is set but trustStore is not");
    }
  }

  /** The trimmed text, or null for null or blank text. */
  public static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  /** The names in lower case (for case-insensitive attribute and class names). */
  public static Set<String> lowerCase(Collection<String> names) {
    return names.stream()
        .map(name -> name.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
