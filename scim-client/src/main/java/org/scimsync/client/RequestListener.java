package org.scimsync.client;

import java.time.Duration;

/**
 * Observes every HTTP attempt the client makes, retried ones included, for metrics and run reports
 * (for example counting 429 answers). Called on the calling thread, possibly from many threads at
 * once: implementations must be thread-safe and fast, and must not throw.
 */
@FunctionalInterface
public interface RequestListener {

  /**
   * One attempt finished.
   *
   * @param api the SCIM operation, such as {@code CreateUser} or {@code ListGroups}
   * @param status the HTTP status, or {@code -1} when the attempt failed with an I/O error
   * @param elapsed time from sending the request to reading the whole answer
   */
  void onResponse(String api, int status, Duration elapsed);
}
