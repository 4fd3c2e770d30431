package org.scimsync.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable copy of everything the emulator holds, in creation order, including the REAL group
 * members (which the AWS profile never returns over SCIM).
 *
 * @param users the users
 * @param groups the groups
 */
public record EmulatorState(List<User> users, List<Group> groups) {

  /** Copies the lists. */
  public EmulatorState {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
  }

  /**
   * One user.
   *
   * @param id the id the emulator assigned
   * @param userName the user name
   * @param externalId the external id, if any
   * @param active the {@code active} attribute (true when absent)
   * @param json the full SCIM representation as served (a private copy; changing it changes nothing
   *     in the emulator)
   */
  public record User(
      String id, String userName, @Nullable String externalId, boolean active, ObjectNode json) {
    /** Checks the required fields and copies the JSON. */
    public User {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(userName, "userName");
      json = json.deepCopy();
    }

    /** A copy of the full SCIM representation. */
    @Override
    public ObjectNode json() {
      return json.deepCopy();
    }
  }

  /**
   * One group.
   *
   * @param id the id the emulator assigned
   * @param displayName the display name
   * @param externalId the external id, if any
   * @param memberIds the ids of its member users
   */
  public record Group(
      String id, String displayName, @Nullable String externalId, Set<String> memberIds) {
    /** Checks the required fields and copies the members. */
    public Group {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(displayName, "displayName");
      memberIds = Set.copyOf(memberIds);
    }
  }

  /** The user with this id. */
  public Optional<User> user(String id) {
    return users.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  /** The user with this user name (case-insensitive). */
  public Optional<User> userByUserName(String userName) {
    String key = userName.toLowerCase(Locale.ROOT);
    return users.stream()
        .filter(u -> u.userName().toLowerCase(Locale.ROOT).equals(key))
        .findFirst();
  }

  /** The user with this external id (case-exact). */
  public Optional<User> userByExternalId(String externalId) {
    return users.stream().filter(u -> externalId.equals(u.externalId())).findFirst();
  }

  /** The group with this external id (case-exact). */
  public Optional<Group> groupByExternalId(String externalId) {
    return groups.stream().filter(g -> externalId.equals(g.externalId())).findFirst();
  }

  /** The group with this id. */
  public Optional<Group> group(String id) {
    return groups.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  /** The group with this display name (case-insensitive). */
  public Optional<Group> groupByDisplayName(String displayName) {
    String key = displayName.toLowerCase(Locale.ROOT);
    return groups.stream()
        .filter(g -> g.displayName().toLowerCase(Locale.ROOT).equals(key))
        .findFirst();
  }

  /** The number of memberships over all groups. */
  public long membershipCount() {
    return groups.stream().mapToLong(g -> g.memberIds().size()).sum();
  }
}
