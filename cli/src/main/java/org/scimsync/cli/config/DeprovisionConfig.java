package org.scimsync.cli.config;

import org.scimsync.common.ConfigValueException;
import org.scimsync.engine.plan.SyncPolicy.GroupDeprovision;
import org.scimsync.engine.plan.SyncPolicy.UserDeprovision;

/**
 * What happens to objects that leave the source or the scope, and the safety thresholds: {@code
 * deprovision}.
 *
 * @param users delete, disable (default) or keep
 * @param groups delete or keep (default)
 * @param maxDeletes a run that would delete or disable more objects than this stops (default 50)
 * @param maxDeletePercent ...or more than this share (whole percent, 0-100) of the objects it
 *     manages (default 10)
 */
public record DeprovisionConfig(
    UserDeprovision users, GroupDeprovision groups, Integer maxDeletes, Integer maxDeletePercent) {

  /** Default of {@link #maxDeletes()}. */
  public static final int DEFAULT_MAX_DELETES = 50;

  /** Default of {@link #maxDeletePercent()}. */
  public static final int DEFAULT_MAX_DELETE_PERCENT = 10;

  public DeprovisionConfig {
    users = users == null ? UserDeprovision.DISABLE : users;
    groups = groups == null ? GroupDeprovision.KEEP : groups;
    maxDeletes = maxDeletes == null ? DEFAULT_MAX_DELETES : maxDeletes;
    if (maxDeletes < 0) {
      throw new ConfigValueException("maxDeletes", "must be 0 or more, got " + maxDeletes);
    }
    maxDeletePercent = maxDeletePercent == null ? DEFAULT_MAX_DELETE_PERCENT : maxDeletePercent;
    if (maxDeletePercent < 0 || maxDeletePercent > 100) {
      throw new ConfigValueException(
          "maxDeletePercent", "must be between 0 and 100, got " + maxDeletePercent);
    }
  }

  /** The defaults, for a configuration without a {@code deprovision} section. */
  public static DeprovisionConfig defaults() {
    return new DeprovisionConfig(null, null, null, null);
  }
}
