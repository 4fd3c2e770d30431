package org.scimsync.engine.target;

import java.time.Duration;

/**
 * Told of every HTTP attempt a target makes, on the thread that made it, so that a caller can size
 * its requests in flight from the round trips and back off on throttling. Must be thread-safe,
 * fast, and must not throw.
 */
@FunctionalInterface
public interface ResponseWatcher {

  /**
   * One attempt finished.
   *
   * @param status the HTTP status; {@code -1} when no answer came
   * @param roundTrip from sending the request to reading the whole answer (waits for a rate-limit
   *     permit excluded)
   */
  void onResponse(int status, Duration roundTrip);

  /** Stops the watching; closing it twice is harmless. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
