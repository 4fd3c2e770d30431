package org.scimsync.emulator.internal;

/**
 * A token bucket holding at most one second of tokens, refilled continuously at {@code rate} per
 * second: a burst above the rate is refused, a client paced at or below it never is. This models
 * the server's quota (what AWS enforces) rather than a client's limiter, which is why it is not
 * taken from a client-side rate-limiting library (those either smooth without a burst capacity or
 * reset in fixed windows).
 */
final class TokenBucket {
  private final double rate;
  private final double capacity;
  private double tokens;
  private long lastNanos;

  TokenBucket(double rate, long nowNanos) {
    this.rate = rate;
    this.capacity = Math.max(1.0, rate);
    this.tokens = capacity;
    this.lastNanos = nowNanos;
  }

  /**
   * Takes one token if there is one.
   *
   * @return 0 if a token was taken, else the nanoseconds until the next token
   */
  synchronized long tryAcquire(long nowNanos) {
    double elapsedSeconds = (nowNanos - lastNanos) / 1e9;
    lastNanos = nowNanos;
    tokens = Math.min(capacity, tokens + elapsedSeconds * rate);
    if (tokens >= 1.0) {
      tokens -= 1.0;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1.0 - tokens) / rate * 1e9));
  }
}
