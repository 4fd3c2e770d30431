package org.scimsync.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How transient failures (HTTP 429, 5xx except 501/505, I/O errors) are retried: exponential
 * backoff from {@code initialBackoff} doubling up to {@code maxBackoff}, with 25% jitter, at most
 * {@code maxAttempts} attempts (the first one included) and at most {@code maxTotal} from the first
 * attempt. A {@code Retry-After} header replaces the backoff for that wait (never waiting less than
 * it says, but never beyond {@code maxTotal}).
 *
 * @param maxAttempts attempts in all, at least 1 (1 = no retry)
 * @param initialBackoff first backoff delay
 * @param maxBackoff longest backoff delay
 * @param maxTotal longest time spent on one call, retries included
 */
public record RetrySettings(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotal) {

  /** Six attempts, 500 ms doubling up to 20 s, at most 2 minutes per call. */
  public static final RetrySettings DEFAULT =
      new RetrySettings(6, Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofMinutes(2));

  /** No retry at all. */
  public static final RetrySettings NONE =
      new RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMinutes(2));

  /** Validates the settings. */
  public RetrySettings {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxTotal, "maxTotal");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("retry.maxAttempts must be at least 1");
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("retry.initialBackoff must be positive");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("retry.maxBackoff must not be below retry.initialBackoff");
    }
    if (maxTotal.isNegative() || maxTotal.isZero()) {
      throw new IllegalArgumentException("retry.maxTotal must be positive");
    }
  }
}
