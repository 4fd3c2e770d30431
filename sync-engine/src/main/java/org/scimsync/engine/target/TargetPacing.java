package org.scimsync.engine.target;

/**
 * What bounds the requests in flight to a target: the rate its writes are held to and a cap. The
 * executor keeps enough requests in flight to reach the rate at the observed round trip (Little's
 * law: rate × round trip), never more than the cap.
 *
 * @param writesPerSecond the rate of each write API; 0 when not known (no rate limit), in which
 *     case the executor keeps its fixed parallelism
 * @param maxConcurrency the most requests in flight at once; 0 when not known
 */
public record TargetPacing(double writesPerSecond, int maxConcurrency) {

  /** Nothing known: the executor keeps its fixed parallelism. */
  public static final TargetPacing UNKNOWN = new TargetPacing(0, 0);

  /** Checks the values. */
  public TargetPacing {
    if (!(writesPerSecond >= 0) || Double.isInfinite(writesPerSecond) || maxConcurrency < 0) {
      throw new IllegalArgumentException(
          "writesPerSecond and maxConcurrency must be finite and not negative");
    }
  }
}
