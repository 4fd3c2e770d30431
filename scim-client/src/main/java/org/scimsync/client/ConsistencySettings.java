package org.scimsync.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client rides out a target that is not yet consistent, or busy with the same resource.
 *
 * <ul>
 *   <li>A 404 on a request to one resource (GET, PUT, PATCH, DELETE of {@code /Users/{id}} or
 *       {@code /Groups/{id}}) that this client created within {@code recentWindow} is retried: the
 *       create may not be visible yet (AWS: adding members right after creating the group answered
 *       404, ssosync #42).
 *   <li>A 409 on a PATCH or DELETE is a concurrent modification of the resource (the Identity Store
 *       refuses those with {@code CONCURRENT_MODIFICATION}), retried, and never the "duplicate,
 *       adopt it" conflict of a create: when it persists the call throws {@link
 *       ScimConcurrentModificationException}.
 * </ul>
 *
 * Both are retried with backoff (200 ms doubling up to 2 s, 25% jitter) for at most {@code maxWait}
 * per call. The client remembers at most {@link #MAX_REMEMBERED} created resources.
 *
 * @param maxWait longest time one call spends on these retries; zero switches them off
 * @param recentWindow how long after its creation a resource counts as just created
 */
public record ConsistencySettings(Duration maxWait, Duration recentWindow) {

  /** Created resources remembered at most; the oldest are forgotten first. */
  public static final int MAX_REMEMBERED = 10_000;

  /** Retries for up to 10 s, for resources created in the last 60 s. */
  public static final ConsistencySettings DEFAULT =
      new ConsistencySettings(Duration.ofSeconds(10), Duration.ofSeconds(60));

  /** No consistency retries: a 404 or 409 fails at once (409 on PATCH/DELETE as concurrent). */
  public static final ConsistencySettings NONE =
      new ConsistencySettings(Duration.ZERO, Duration.ZERO);

  /** Validates the settings. */
  public ConsistencySettings {
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(recentWindow, "recentWindow");
    if (maxWait.isNegative() || (!maxWait.isZero() && maxWait.toMillis() < 10)) {
      throw new IllegalArgumentException(
          "consistency.maxWait must be zero (no retries) or at least 10 ms");
    }
    if (recentWindow.isNegative()) {
      throw new IllegalArgumentException("consistency.recentWindow must not be negative");
    }
  }

  /**
   * Whether these retries happen at all.
   *
   * @return false when {@code maxWait} is zero
   */
  public boolean enabled() {
    return !maxWait.isZero();
  }
}
