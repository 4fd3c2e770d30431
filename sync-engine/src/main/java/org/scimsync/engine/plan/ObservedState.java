package org.scimsync.engine.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;

/**
 * What was read from the target for this run.
 *
 * @param complete true when every user and group was listed (a full run); false when only the
 *     objects whose content changed were looked up (an incremental run)
 * @param users the users read
 * @param groups the groups read
 * @param memberships when members were verified: target user id to the ids of its groups, for every
 *     managed user that was checked; null otherwise
 * @param userDiffs differences of listed users with their desired content worked out ahead
 */
public record ObservedState(
    boolean complete,
    List<TargetUser> users,
    List<TargetGroup> groups,
    @Nullable Map<String, Set<String>> memberships,
    UserDiffs userDiffs) {

  public ObservedState {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    if (memberships != null) {
      memberships = Map.copyOf(memberships);
    }
    Objects.requireNonNull(userDiffs, "userDiffs");
  }

  /** An observation with no differences worked out ahead. */
  public ObservedState(
      boolean complete,
      List<TargetUser> users,
      List<TargetGroup> groups,
      @Nullable Map<String, Set<String>> memberships) {
    this(complete, users, groups, memberships, UserDiffs.none());
  }

  /** A complete read of these objects, without membership verification. */
  public static ObservedState complete(List<TargetUser> users, List<TargetGroup> groups) {
    return new ObservedState(true, users, groups, null);
  }

  /** An incremental run's observation: nothing read beyond these lookups. */
  public static ObservedState partial(List<TargetUser> users, List<TargetGroup> groups) {
    return new ObservedState(false, users, groups, null);
  }
}
