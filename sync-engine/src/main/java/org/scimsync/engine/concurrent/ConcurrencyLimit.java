package org.scimsync.engine.concurrent;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How many requests one lane keeps in flight: enough to reach the target's rate at the observed
 * round trip (Little's law: in flight = rate × round trip, with headroom for the lane's own work
 * and the jitter), never fewer than the fixed parallelism that suits short round trips, never more
 * than the cap, and halved on throttling (429) then grown back by one per round trip's worth of
 * answers (additive increase, multiplicative decrease). The rate itself is enforced by the client's
 * rate limiter: this only decides how many requests may wait for it at once. Thread-safe.
 */
public final class ConcurrencyLimit {

  /** In flight = rate × round trip × this, plus one (the request waiting for its permit). */
  static final double HEADROOM = 1.25;

  /** Weight of a new round trip in the moving average. */
  static final double SMOOTHING = 0.2;

  private static final int THROTTLED = 429;

  private final double ratePerSecond;
  private final int floor;
  private final int cap;
  private final LongSupplier nanoTime;
  private double roundTripNanos = Double.NaN;
  private int window;
  private int answersSinceGrowth;
  private long decreasedAt;
  private boolean decreased;

  /**
   * A limit that starts at {@code floor}.
   *
   * @param ratePerSecond the rate the lane's requests are held to; 0 when unknown (the limit then
   *     stays at {@code floor} unless throttled)
   * @param floor the limit while the round trip is unknown, and the least one unless throttled
   * @param cap the most requests in flight; a floor above it is lowered to it
   * @param nanoTime the monotonic clock ({@code System::nanoTime}; a fake one in tests)
   */
  public ConcurrencyLimit(double ratePerSecond, int floor, int cap, LongSupplier nanoTime) {
    if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond) || floor < 1 || cap < 1) {
      throw new IllegalArgumentException("need a finite rate >= 0, floor >= 1 and cap >= 1");
    }
    this.ratePerSecond = ratePerSecond;
    this.cap = cap;
    this.floor = Math.min(floor, cap);
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.window = cap;
  }

  /**
   * One request of the lane was answered.
   *
   * @param status the HTTP status, {@code -1} without an answer (which tells nothing)
   * @param roundTrip the request's round trip
   */
  public synchronized void onResponse(int status, Duration roundTrip) {
    if (status == THROTTLED) {
      long now = nanoTime.getAsLong();
      // the answers to requests sent before the last decrease carry no news: one per round trip
      long quiet = Double.isNaN(roundTripNanos) ? 0 : (long) roundTripNanos;
      if (!decreased || now - decreasedAt >= quiet) {
        window = Math.max(1, limit() / 2);
        answersSinceGrowth = 0;
        decreasedAt = now;
        decreased = true;
      }
      return;
    }
    if (status < 0) {
      return;
    }
    double nanos = roundTrip.toNanos();
    roundTripNanos =
        Double.isNaN(roundTripNanos)
            ? nanos
            : roundTripNanos + SMOOTHING * (nanos - roundTripNanos);
    if (window < cap && ++answersSinceGrowth >= limit()) {
      window++;
      answersSinceGrowth = 0;
    }
  }

  /** The requests the lane may have in flight now. */
  public synchronized int limit() {
    int wanted = Math.min(cap, Math.max(floor, littlesLaw()));
    return Math.max(1, Math.min(wanted, window));
  }

  /** The average round trip so far, if any answer came. */
  public synchronized Duration roundTrip() {
    return Double.isNaN(roundTripNanos) ? Duration.ZERO : Duration.ofNanos((long) roundTripNanos);
  }

  private int littlesLaw() {
    if (ratePerSecond == 0 || Double.isNaN(roundTripNanos)) {
      return floor;
    }
    double inFlight = ratePerSecond * roundTripNanos / 1e9 * HEADROOM;
    return (int) Math.min(Integer.MAX_VALUE - 1, Math.ceil(inFlight)) + 1;
  }
}
