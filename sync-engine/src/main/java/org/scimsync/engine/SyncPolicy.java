package org.scimsync.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine deprovisions and how far it may go in one run; from the {@code deprovision:} and
 * {@code schedule:} configuration.
 *
 * @param users what happens to a managed user that left the source or the scope
 * @param groups what happens to a managed group that left the source or the scope
 * @param maxDeletes a run that would delete or disable more objects than this stops
 * @param maxDeletePercent ...or more than this share (0-100) of the managed objects
 * @param fullEvery the longest time between two full runs
 * @param parallelism how many changes are sent to the target at once
 */
public record SyncPolicy(
    UserDeprovision users,
    GroupDeprovision groups,
    int maxDeletes,
    int maxDeletePercent,
    Duration fullEvery,
    int parallelism) {

  /** Deprovisioning of users. */
  public enum UserDeprovision {
    DELETE,
    DISABLE,
    KEEP
  }

  /** Deprovisioning of groups. */
  public enum GroupDeprovision {
    DELETE,
    KEEP
  }

  public SyncPolicy {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(fullEvery, "fullEvery");
    if (maxDeletes < 0) {
      throw new IllegalArgumentException("maxDeletes must not be negative: " + maxDeletes);
    }
    if (maxDeletePercent < 0 || maxDeletePercent > 100) {
      throw new IllegalArgumentException("maxDeletePercent must be 0..100: " + maxDeletePercent);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
  }

  /**
   * The defaults of the example configuration: delete, 50 or 10%, full every 6 hours, 8 at once.
   */
  public static SyncPolicy defaults() {
    return new SyncPolicy(
        UserDeprovision.DELETE, GroupDeprovision.DELETE, 50, 10, Duration.ofHours(6), 8);
  }
}
