package org.scimsync.client;

import java.util.Map;

/**
 * Counts of HTTP attempts since the client was created, retried attempts included.
 *
 * @param attempts all attempts
 * @param throttled attempts answered 429
 * @param serverErrors attempts answered 5xx
 * @param transportErrors attempts without an answer (I/O failures)
 * @param attemptsByApi attempts per operation name ({@code CreateUser}, …)
 */
public record ClientStats(
    long attempts,
    long throttled,
    long serverErrors,
    long transportErrors,
    Map<String, Long> attemptsByApi) {

  /** Copies the map. */
  public ClientStats {
    attemptsByApi = Map.copyOf(attemptsByApi);
  }
}
