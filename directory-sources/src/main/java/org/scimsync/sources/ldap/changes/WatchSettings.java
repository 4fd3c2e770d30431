package org.scimsync.sources.ldap.changes;

import java.time.Duration;
import java.util.Objects;

/**
 * How a watch behaves.
 *
 * @param pollInterval how often a server without a change stream is asked what changed (Active
 *     Directory, OpenLDAP without {@code syncprov})
 * @param quiet a burst ends when no change came for this long
 * @param maxDelay a burst is reported at the latest this long after its first change, even if
 *     changes keep coming
 * @param firstRetry the first wait before reconnecting after a failed attempt
 * @param maxRetry the longest wait between reconnection attempts (the waits double up to it)
 */
public record WatchSettings(
    Duration pollInterval,
    Duration quiet,
    Duration maxDelay,
    Duration firstRetry,
    Duration maxRetry) {

  /** The default poll interval. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

  public WatchSettings {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(quiet, "quiet");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(firstRetry, "firstRetry");
    Objects.requireNonNull(maxRetry, "maxRetry");
    if (pollInterval.isNegative()
        || pollInterval.isZero()
        || quiet.isNegative()
        || maxDelay.compareTo(quiet) < 0
        || firstRetry.isNegative()
        || firstRetry.isZero()
        || maxRetry.compareTo(firstRetry) < 0) {
      throw new IllegalArgumentException("invalid watch settings: " + this);
    }
  }

  /** Poll every 5 s; bursts end after 1 s of quiet, at most 5 s; retries from 1 s up to 60 s. */
  public static WatchSettings defaults() {
    return withPollInterval(DEFAULT_POLL_INTERVAL);
  }

  /** The defaults with another poll interval. */
  public static WatchSettings withPollInterval(Duration pollInterval) {
    return new WatchSettings(
        pollInterval,
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(60));
  }
}
