package org.scimsync.engine.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The port through which the engine reads and writes the SCIM service provider. Implementations
 * retry transient failures and respect the target's rate limits themselves; what reaches the engine
 * is a {@link TargetException} whose kind says what to do. Safe for use by several threads.
 */
public interface ScimTarget {

  /** Every user, page by page. The stream must be closed. */
  Stream<TargetUser> users();

  /** Every group, page by page; AWS returns them without members. The stream must be closed. */
  Stream<TargetGroup> groups();

  /** The user whose externalId equals {@code externalId}. */
  Optional<TargetUser> findUserByExternalId(String externalId);

  /** The user whose userName equals {@code userName} (case-insensitively on AWS). */
  Optional<TargetUser> findUserByUserName(String userName);

  /** The group whose externalId equals {@code externalId}. */
  Optional<TargetGroup> findGroupByExternalId(String externalId);

  /** The group whose displayName equals {@code displayName}. */
  Optional<TargetGroup> findGroupByDisplayName(String displayName);

  /**
   * Creates a user from the mapped resource plus {@code externalId}.
   *
   * @throws TargetException of kind {@link TargetException.Kind#CONFLICT} for a duplicate
   */
  TargetUser createUser(ObjectNode resource, String externalId);

  /**
   * Creates a group with its first members (the adapter sends up to the profile's limit inline and
   * adds the rest in batches).
   *
   * @throws MembersRefusedException when the group was created but some members were refused
   */
  TargetGroup createGroup(ObjectNode resource, String externalId, List<String> memberIds);

  /** Applies attribute changes to a user in one PATCH request. */
  void patchUser(String id, List<AttributeChange> changes);

  /** Applies attribute changes (displayName, externalId) to a group in one PATCH request. */
  void patchGroup(String id, List<AttributeChange> changes);

  /**
   * Adds members to a group, batched at the profile's limit.
   *
   * @throws MembersRefusedException when some members were refused and the others added
   */
  void addMembers(String groupId, Collection<String> userIds);

  /** Removes members from a group, batched at the profile's limit. */
  void removeMembers(String groupId, Collection<String> userIds);

  /**
   * Adds and removes members of one group. A target that takes both in one request (AWS: up to 100
   * membership changes per PATCH, additions and removals together) overrides this so that a moved
   * membership costs one request, not two.
   */
  default void updateMembers(
      String groupId, Collection<String> addUserIds, Collection<String> removeUserIds) {
    if (!addUserIds.isEmpty()) {
      addMembers(groupId, addUserIds);
    }
    if (!removeUserIds.isEmpty()) {
      removeMembers(groupId, removeUserIds);
    }
  }

  /** Deletes a user. */
  void deleteUser(String id);

  /** Deletes a group. */
  void deleteGroup(String id);

  /** The ids of the groups the user is a member of ({@code members.value eq} filter on AWS). */
  Set<String> groupIdsOfUser(String userId);

  /**
   * The rate and cap that bound the requests in flight to this target; {@link TargetPacing#UNKNOWN}
   * unless the implementation knows them.
   */
  default TargetPacing pacing() {
    return TargetPacing.UNKNOWN;
  }

  /**
   * Tells {@code watcher} of every HTTP attempt from now on until the subscription is closed: on
   * the thread that sent it, which for a write is the caller's (the pages of a listing may be
   * fetched ahead on a thread of the implementation's own). Implementations that send no HTTP
   * requests tell nothing.
   */
  default ResponseWatcher.Subscription watchResponses(ResponseWatcher watcher) {
    return () -> {};
  }

  /**
   * Whether group reads return members. False for AWS, whose memberships the engine must remember
   * itself.
   */
  boolean membersReadable();

  /**
   * Prepares the target for a run, once per run before anything is read: reads what it says of
   * itself and takes what earlier runs learned of it ({@link #learned()}, kept in the state store),
   * so that it adapts without learning again. The default does nothing.
   *
   * @param learnedBefore capability names and values an earlier run learned; empty for none
   */
  default void adapt(Map<String, String> learnedBefore) {}

  /**
   * What this run (and the earlier ones) learned of the target from its answers, for the state
   * store. The default knows nothing.
   */
  default Map<String, String> learned() {
    return Map.of();
  }

  /**
   * How the target behaves, as far as the planner must know; the default is a target that keeps
   * what it is sent and drops a deleted user's memberships.
   */
  default TargetTraits traits() {
    return TargetTraits.STANDARD;
  }
}
