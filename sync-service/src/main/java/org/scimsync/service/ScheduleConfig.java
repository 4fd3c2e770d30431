package org.scimsync.service;

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
 * @param catchUpOnStart run once at start when a scheduled run was missed while the service was
 *     down, or nothing ever ran (default true)
 * @param shutdownGrace how long a stop (SIGTERM) waits for the run in progress (default 20s)
 * @param clusterCheckinInterval with a PostgreSQL state store: how often each instance tells the
 *     others it is alive (default 10s); the run of an instance that died is taken over within about
 *     three intervals
 * @param watch follow the directory's changes and run within seconds of one (default false; an LDAP
 *     source only, which the composition root checks)
 * @param watchPollInterval how often a watched directory without a change stream (Active Directory,
 *     OpenLDAP without syncprov) is asked what changed (default 5s)
 */
public record ScheduleConfig(
    @Nullable String cron,
    Duration fullEvery,
    Boolean catchUpOnStart,
    Duration shutdownGrace,
    Duration clusterCheckinInterval,
    Boolean watch,
    Duration watchPollInterval) {

  /** Default of {@link #watchPollInterval()}. */
  public static final Duration DEFAULT_WATCH_POLL_INTERVAL = Duration.ofSeconds(5);

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
    if (fullEvery.isZero() || fullEvery.isNegative()) {
      throw new ConfigValueException("fullEvery", "must be positive, got " + fullEvery);
    }
    catchUpOnStart = catchUpOnStart == null || catchUpOnStart;
    shutdownGrace = shutdownGrace == null ? ServiceSettings.DEFAULT_SHUTDOWN_GRACE : shutdownGrace;
    if (shutdownGrace.isNegative()) {
      throw new ConfigValueException("shutdownGrace", "must not be negative");
    }
    clusterCheckinInterval =
        clusterCheckinInterval == null
            ? ClusterSettings.DEFAULT_CHECKIN_INTERVAL
            : clusterCheckinInterval;
    if (clusterCheckinInterval.toMillis() < 100) {
      throw new ConfigValueException("clusterCheckinInterval", "must be at least 100ms");
    }
    watch = watch != null && watch;
    watchPollInterval = watchPollInterval == null ? DEFAULT_WATCH_POLL_INTERVAL : watchPollInterval;
    if (watchPollInterval.isZero() || watchPollInterval.isNegative()) {
      throw new ConfigValueException(
          "watchPollInterval", "must be positive, got " + watchPollInterval);
    }
  }

  /** No schedule, full runs every 6 hours. */
  public static ScheduleConfig defaults() {
    return new ScheduleConfig(null, null, null, null, null, null, null);
  }
}
