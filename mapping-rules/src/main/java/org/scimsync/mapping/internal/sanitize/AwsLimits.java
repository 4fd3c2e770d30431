package org.scimsync.mapping.internal.sanitize;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.internal.resource.ResourceTree;

/**
 * The value rules of AWS IAM Identity Center: required attributes, lengths, and the names reserved
 * for users and groups.
 */
final class AwsLimits {

  static final int MAX_USER_NAME = 128;
  static final int MAX_DISPLAY_NAME = 1024;

  /** Reserved for users and for groups, compared ignoring case (AWS does not say; safer). */
  private static final List<String> RESERVED_NAMES = List.of("Administrator", "AWSAdministrators");

  /** What a user cannot be created without, as warnings name them. */
  static final Set<String> REQUIRED_USER_ATTRIBUTES =
      Set.of("userName", "displayName", "name.givenName", "name.familyName");

  /** What a group cannot be created without. */
  static final Set<String> REQUIRED_GROUP_ATTRIBUTES = Set.of("displayName");

  private AwsLimits() {}

  /** Checks a user; null when acceptable, else the reason. */
  static @Nullable String checkUser(ResourceTree resource) {
    Map<String, Object> core = resource.core();
    Object name = core.get("name");
    Map<?, ?> names = name instanceof Map<?, ?> map ? map : Map.of();
    StringBuilder missing = new StringBuilder();
    appendIfMissing(missing, "userName", core.get("userName"));
    appendIfMissing(missing, "displayName", core.get("displayName"));
    appendIfMissing(missing, "name.givenName", names.get("givenName"));
    appendIfMissing(missing, "name.familyName", names.get("familyName"));
    if (missing.length() > 0) {
      return "required by the target but missing: " + missing;
    }
    String userName = (String) core.get("userName");
    int length = userName.codePointCount(0, userName.length());
    if (length > MAX_USER_NAME) {
      return "userName is "
          + length
          + " characters long; the target accepts at most "
          + MAX_USER_NAME;
    }
    if (isReserved(userName)) {
      return "userName '" + userName + "' is reserved by the target";
    }
    return checkDisplayName((String) core.get("displayName"));
  }

  /** Checks a group; null when acceptable, else the reason. */
  static @Nullable String checkGroup(ResourceTree resource) {
    Object displayName = resource.core().get("displayName");
    if (isMissing(displayName)) {
      return "required by the target but missing: displayName";
    }
    if (isReserved((String) displayName)) {
      return "displayName '" + displayName + "' is reserved by the target";
    }
    return checkDisplayName((String) displayName);
  }

  private static boolean isReserved(String name) {
    for (String reserved : RESERVED_NAMES) {
      if (reserved.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String checkDisplayName(String displayName) {
    int length = displayName.codePointCount(0, displayName.length());
    if (length > MAX_DISPLAY_NAME) {
      return "displayName is "
          + length
          + " characters long; the target accepts 1 to "
          + MAX_DISPLAY_NAME;
    }
    return null;
  }

  private static void appendIfMissing(StringBuilder missing, String name, @Nullable Object value) {
    if (isMissing(value)) {
      missing.append(missing.length() == 0 ? "" : ", ").append(name);
    }
  }

  /** Absent, or an empty string (the target needs at least one character). */
  private static boolean isMissing(@Nullable Object value) {
    return !(value instanceof String text) || text.isEmpty();
  }
}
