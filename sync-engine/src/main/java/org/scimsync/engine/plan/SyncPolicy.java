package org.scimsync.engine.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Duration;
import java.util.Objects;
import org.scimsync.common.ConfigEnum;

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
 * @param maxConsecutiveRefusals the run stops once the target refused this many writes in a row the
 *     same way with nothing applied in between ({@code target.maxConsecutiveRefusals})
 */
public record SyncPolicy(
    UserDeprovision users,
    GroupDeprovision groups,
    int maxDeletes,
    int maxDeletePercent,
    Duration fullEvery,
    int parallelism,
    int maxConsecutiveRefusals) {

  /** The default of {@link #maxConsecutiveRefusals()}. */
  public static final int DEFAULT_MAX_CONSECUTIVE_REFUSALS = 20;

  /** What happens to users that leave the source or the scope: {@code deprovision.users}. */
  public enum UserDeprovision implements ConfigEnum {
    /** Delete them in the target. */
    DELETE("delete"),
    /** Set {@code active: false} in the target. */
    DISABLE("disable"),
    /** Leave them as they are (and stop managing them). */
    KEEP("keep");

    private final String configName;

    UserDeprovision(String configName) {
      this.configName = configName;
    }

    @Override
    public String configName() {
      return configName;
    }

    @JsonCreator
    static UserDeprovision fromConfig(String text) {
      return ConfigEnum.parse(UserDeprovision.class, text);
    }
  }

  /** What happens to groups that leave the source or the scope: {@code deprovision.groups}. */
  public enum GroupDeprovision implements ConfigEnum {
    /** Delete them in the target. */
    DELETE("delete"),
    /** Leave them as they are (and stop managing them). */
    KEEP("keep");

    private final String configName;

    GroupDeprovision(String configName) {
      this.configName = configName;
    }

    @Override
    public String configName() {
      return configName;
    }

    @JsonCreator
    static GroupDeprovision fromConfig(String text) {
      return ConfigEnum.parse(GroupDeprovision.class, text);
    }
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
    if (maxConsecutiveRefusals < 1) {
      throw new IllegalArgumentException(
          "maxConsecutiveRefusals must be at least 1: " + maxConsecutiveRefusals);
    }
  }

  /** A policy that stops after {@value #DEFAULT_MAX_CONSECUTIVE_REFUSALS} refusals in a row. */
  public SyncPolicy(
      UserDeprovision users,
      GroupDeprovision groups,
      int maxDeletes,
      int maxDeletePercent,
      Duration fullEvery,
      int parallelism) {
    this(
        users,
        groups,
        maxDeletes,
        maxDeletePercent,
        fullEvery,
        parallelism,
        DEFAULT_MAX_CONSECUTIVE_REFUSALS);
  }

  /** This policy with another {@link #maxConsecutiveRefusals()}. */
  public SyncPolicy withMaxConsecutiveRefusals(int value) {
    return new SyncPolicy(
        users, groups, maxDeletes, maxDeletePercent, fullEvery, parallelism, value);
  }

  /**
   * The defaults of the example configuration: delete, 50 or 10%, full every 6 hours, 8 at once.
   */
  public static SyncPolicy defaults() {
    return new SyncPolicy(
        UserDeprovision.DELETE, GroupDeprovision.DELETE, 50, 10, Duration.ofHours(6), 8);
  }
}
