package org.scimsync.cli.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;
import org.scimsync.common.ConfigValueException;

/**
 * When {@code scim-sync serve} runs: {@code schedule}.
 *
 * @param cron a Quartz cron expression; null for no scheduled runs (webhook only)
 * @param fullEvery the longest time between two full runs (default 6h); runs in between may be
 *     incremental
 */
public record ScheduleConfig(@Nullable String cron, Duration fullEvery) {

  /** Default of {@link #fullEvery()}. */
  public static final Duration DEFAULT_FULL_EVERY = Duration.ofHours(6);

  public ScheduleConfig {
    if (cron != null && !CronExpression.isValidExpression(cron)) {
      throw new ConfigValueException(
          "cron",
          "'"
              + cron
              + "' is not a Quartz cron expression (six or seven fields: "
              + "sec min hour day-of-month month day-of-week [year], e.g. \"0 */15 * * * ?\")");
    }
    fullEvery = fullEvery == null ? DEFAULT_FULL_EVERY : fullEvery;
  }

  /** No schedule, full runs every 6 hours. */
  public static ScheduleConfig defaults() {
    return new ScheduleConfig(null, null);
  }
}
