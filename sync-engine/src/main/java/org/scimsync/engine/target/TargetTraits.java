package org.scimsync.engine.target;

import java.util.List;
import java.util.Set;

/**
 * What the planner must know of how a target behaves, beyond what it reads from it.
 *
 * @param userPathsNotKept user attribute paths the target does not keep as sent (such as {@code
 *     externalId} on a target that does not store it, or {@code name.formatted} it writes itself):
 *     never compared, so never patched again and again
 * @param groupPathsNotKept the same for groups
 * @param membershipsDroppedWithUser whether deleting a user removes it from its groups; when not,
 *     the plan removes a leaver from the groups it was pushed to before deleting it
 */
public record TargetTraits(
    Set<String> userPathsNotKept,
    Set<String> groupPathsNotKept,
    boolean membershipsDroppedWithUser) {

  /** A target that keeps what it is sent and drops a deleted user's memberships (AWS). */
  public static final TargetTraits STANDARD = new TargetTraits(Set.of(), Set.of(), true);

  public TargetTraits {
    userPathsNotKept = Set.copyOf(userPathsNotKept);
    groupPathsNotKept = Set.copyOf(groupPathsNotKept);
  }

  /** Whether the target keeps {@code externalId} of users. */
  public boolean keepsUserExternalId() {
    return !userPathsNotKept.contains("externalId");
  }

  /** Whether the target keeps {@code externalId} of groups. */
  public boolean keepsGroupExternalId() {
    return !groupPathsNotKept.contains("externalId");
  }

  /**
   * The changes whose attribute the target keeps: the others would be sent again in every run.
   *
   * @param changes the changes a comparison found
   * @param groups true for a group's changes
   * @return the changes worth sending
   */
  public List<AttributeChange> kept(List<AttributeChange> changes, boolean groups) {
    Set<String> notKept = groups ? groupPathsNotKept : userPathsNotKept;
    if (notKept.isEmpty()) {
      return changes;
    }
    return changes.stream().filter(change -> !covered(change.scimPath(), notKept)).toList();
  }

  private static boolean covered(String path, Set<String> notKept) {
    for (String skipped : notKept) {
      if (path.equals(skipped)
          || path.startsWith(skipped + ".")
          || path.startsWith(skipped + ":")) {
        return true;
      }
    }
    return false;
  }
}
