package org.scimsync.client;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One thing a SCIM service provider does or does not do that changes how the client talks to it.
 * The {@code generic} profile discovers some from {@code /ServiceProviderConfig}, {@code
 * /ResourceTypes} and {@code /Schemas}, learns others from how the server answers, and takes every
 * one from {@code target.capabilities} when the configuration sets it (for a server that describes
 * itself wrongly). Each has a configuration name and a textual value.
 */
public enum Capability {

  /** PATCH is supported ({@code true}/{@code false}). */
  PATCH("patch", Type.BOOLEAN),
  /** Filters are supported ({@code true}/{@code false}); without them lists are searched here. */
  FILTER("filter", Type.BOOLEAN),
  /** The most resources a list answer holds ({@code filter.maxResults}); pages ask for no more. */
  MAX_RESULTS("maxResults", Type.COUNT),
  /** The paging style: {@code index} ({@code startIndex}/{@code count}) or {@code cursor}. */
  PAGING("paging", Type.choice("index", "cursor")),
  /** {@code /Bulk} is supported (announced only; the client never uses it). */
  BULK("bulk", Type.BOOLEAN),
  /** ETags are supported (announced only). */
  ETAG("etag", Type.BOOLEAN),
  /** Sorting is supported (announced only). */
  SORT("sort", Type.BOOLEAN),
  /** A group may be created with members; {@code false}: created empty, members added by PATCH. */
  MEMBERS_ON_CREATE("membersOnCreate", Type.BOOLEAN),
  /** The most members a create or PATCH request may carry. */
  MAX_MEMBERS_PER_REQUEST("maxMembersPerRequest", Type.COUNT),
  /**
   * How members are removed: {@code path} (one {@code remove} with {@code members[value eq "id"]}
   * per member, RFC 7644) or {@code value-list} (one {@code remove} on {@code members} with the
   * members as its value).
   */
  MEMBER_REMOVAL("memberRemoval", Type.choice("path", "value-list")),
  /** Group reads hold members only when the {@code attributes} parameter names them. */
  MEMBERS_ON_REQUEST("membersOnRequest", Type.BOOLEAN),
  /** {@code externalId} is stored and returned; {@code false}: never compared, never patched. */
  EXTERNAL_ID_STORED("externalIdStored", Type.BOOLEAN),
  /**
   * User attributes the target does not keep as sent (dropped, or added and rewritten by the
   * server, such as {@code name.formatted}): comma-separated paths the plan never compares.
   */
  USER_ATTRIBUTES_NOT_KEPT("userAttributesNotKept", Type.LIST),
  /** Group attributes the target does not keep as sent, as for users. */
  GROUP_ATTRIBUTES_NOT_KEPT("groupAttributesNotKept", Type.LIST),
  /**
   * Deleting a user removes it from its groups; {@code false}: a leaver is removed from the groups
   * it was pushed to before it is deleted.
   */
  MEMBERSHIPS_DROPPED_WITH_USER("membershipsDroppedWithUser", Type.BOOLEAN);

  private final String configName;
  private final Type type;

  Capability(String configName, Type type) {
    this.configName = configName;
    this.type = type;
  }

  /**
   * The name under {@code target.capabilities}.
   *
   * @return for example {@code membersOnCreate}
   */
  public String configName() {
    return configName;
  }

  /**
   * The capability of a configuration name.
   *
   * @param name the name, as in {@code target.capabilities}
   * @return the capability
   * @throws IllegalArgumentException naming the known ones
   */
  public static Capability fromConfigName(String name) {
    for (Capability capability : values()) {
      if (capability.configName.equals(name)) {
        return capability;
      }
    }
    throw new IllegalArgumentException(
        "unknown capability '" + name + "' (known: " + knownNames() + ")");
  }

  /**
   * Every configuration name, comma-separated.
   *
   * @return the names
   */
  public static String knownNames() {
    return String.join(
        ", ", java.util.Arrays.stream(values()).map(Capability::configName).toList());
  }

  /**
   * Checks and normalises a value.
   *
   * @param value the value as configured or remembered
   * @return the normalised text ({@code true}, {@code 100}, {@code value-list})
   * @throws IllegalArgumentException saying what is expected
   */
  public String normalise(String value) {
    return type.normalise(configName, value.strip());
  }

  /** How a capability's value is written. */
  private record Type(@Nullable List<String> choices, boolean count) {
    static final Type BOOLEAN = new Type(List.of("true", "false"), false);
    static final Type COUNT = new Type(null, true);
    static final Type LIST = new Type(null, false);

    static Type choice(String... choices) {
      return new Type(List.of(choices), false);
    }

    String normalise(String name, String value) {
      if (choices == null && !count) {
        return String.join(
            ",",
            new java.util.TreeSet<>(
                java.util.Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(path -> !path.isEmpty())
                    .toList()));
      }
      if (count) {
        try {
          int number = Integer.parseInt(value);
          if (number >= 1) {
            return Integer.toString(number);
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        throw new IllegalArgumentException(
            name + " must be a positive number, got '" + value + "'");
      }
      String lower = value.toLowerCase(Locale.ROOT);
      if (choices != null && choices.contains(lower)) {
        return lower;
      }
      throw new IllegalArgumentException(
          name + " must be one of " + String.join(", ", choices) + ", got '" + value + "'");
    }
  }
}
