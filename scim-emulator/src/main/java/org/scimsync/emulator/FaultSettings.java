package org.scimsync.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults the emulator injects. Settable at start ({@link ScimEmulator.Builder#faults}) and at
 * run time ({@link ScimEmulator#faults(FaultSettings)}, {@code PUT /admin/faults}).
 *
 * <p>Order of effects on one request, decided when it arrives: a dropped connection (the connection
 * is closed without an answer, nothing applied), then the rate limit (429 with the AWS {@code
 * ThrottlingException} body, with {@code Retry-After} when {@link #retryAfterHeader()}), then a 500
 * before anything is applied, then, for a GET, PUT or PATCH of one resource, a 404 while the
 * resource is younger than the consistency window, then, for a PATCH, a 409 concurrent modification
 * (nothing applied), then the request itself and, for writes, a 500 AFTER the write was applied.
 * The answer (or the dropped connection) then waits until the latency, plus a uniform random
 * jitter, has passed since the request arrived.
 *
 * @param latency the response time of every SCIM request: the least time from its arrival to its
 *     answer. Like a remote service's, it includes the emulator's own work instead of adding to it,
 *     so that a client's measured time is not inflated by an emulator sharing its CPUs.
 * @param latencyJitter upper bound of an extra uniform random delay
 * @param readsPerSecond token-bucket rate of EACH read API (ListUsers, GetUser, ListGroups, ...); 0
 *     means unlimited
 * @param writesPerSecond token-bucket rate of EACH write API (CreateUser, PatchGroup, ...); 0 means
 *     unlimited
 * @param retryAfterHeader whether a 429 carries {@code Retry-After} (unconfirmed for AWS)
 * @param error500BeforeRatio share of requests answered 500 without being applied
 * @param error500AfterRatio share of writes that are applied and THEN answered 500
 * @param dropConnectionRatio share of requests whose connection is closed without an answer
 * @param consistencyWindow how long a resource created over SCIM stays invisible to GET, PUT and
 *     PATCH of its id (404), like the eventual consistency reported for AWS (ssosync #42); zero for
 *     none. Lists and filters see it at once; seeded resources are never hidden.
 * @param concurrentModificationRatio share of PATCH requests answered 409 "concurrently modified"
 *     without being applied, like the Identity Store's {@code CONCURRENT_MODIFICATION} conflict (a
 *     409 that is NOT a duplicate)
 * @param seed seed of the random source deciding faults and jitter
 */
public record FaultSettings(
    Duration latency,
    Duration latencyJitter,
    double readsPerSecond,
    double writesPerSecond,
    boolean retryAfterHeader,
    double error500BeforeRatio,
    double error500AfterRatio,
    double dropConnectionRatio,
    Duration consistencyWindow,
    double concurrentModificationRatio,
    long seed) {

  /** The detail of the 409 answered for a concurrent modification. */
  public static final String CONCURRENT_MODIFICATION =
      "The requested resource was being concurrently modified by another request.";

  /** Validates the settings. */
  public FaultSettings {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(latencyJitter, "latencyJitter");
    Objects.requireNonNull(consistencyWindow, "consistencyWindow");
    requireTrue(!latency.isNegative(), "latency must not be negative");
    requireTrue(!latencyJitter.isNegative(), "latencyJitter must not be negative");
    requireTrue(!consistencyWindow.isNegative(), "consistencyWindow must not be negative");
    requireTrue(readsPerSecond >= 0 && Double.isFinite(readsPerSecond), "readsPerSecond >= 0");
    requireTrue(writesPerSecond >= 0 && Double.isFinite(writesPerSecond), "writesPerSecond >= 0");
    requireRatio(error500BeforeRatio, "error500BeforeRatio");
    requireRatio(error500AfterRatio, "error500AfterRatio");
    requireRatio(dropConnectionRatio, "dropConnectionRatio");
    requireRatio(concurrentModificationRatio, "concurrentModificationRatio");
  }

  /** No faults at all: no latency, unlimited rates, no errors. */
  public static FaultSettings none() {
    return new FaultSettings(
        Duration.ZERO, Duration.ZERO, 0, 0, false, 0, 0, 0, Duration.ZERO, 0, 1L);
  }

  /**
   * The published AWS quotas: 40 requests/s per read API and 25 per write API, without {@code
   * Retry-After} (whether AWS sends it is unconfirmed).
   */
  public static FaultSettings awsQuotas() {
    return none().withReadsPerSecond(40).withWritesPerSecond(25);
  }

  /** A copy with another fixed latency. */
  public FaultSettings withLatency(Duration value) {
    return new FaultSettings(
        value,
        latencyJitter,
        readsPerSecond,
        writesPerSecond,
        retryAfterHeader,
        error500BeforeRatio,
        error500AfterRatio,
        dropConnectionRatio,
        consistencyWindow,
        concurrentModificationRatio,
        seed);
  }

  /** A copy with another random latency bound. */
  public FaultSettings withLatencyJitter(Duration value) {
    return new FaultSettings(
        latency,
        value,
        readsPerSecond,
        writesPerSecond,
        retryAfterHeader,
        error500BeforeRatio,
        error500AfterRatio,
        dropConnectionRatio,
        consistencyWindow,
        concurrentModificationRatio,
        seed);
  }

  /** A copy with another per-read-API rate (0 = unlimited). */
  public FaultSettings withReadsPerSecond(double value) {
    return new FaultSettings(
        latency,
        latencyJitter,
        value,
        writesPerSecond,
        retryAfterHeader,
        error500BeforeRatio,
        error500AfterRatio,
        dropConnectionRatio,
        consistencyWindow,
        concurrentModificationRatio,
        seed);
  }

  /** A copy with another per-write-API rate (0 = unlimited). */
  public FaultSettings withWritesPerSecond(double value) {
    return new FaultSettings(
        latency,
        latencyJitter,
        readsPerSecond,
        value,
        retryAfterHeader,
        error500BeforeRatio,
        error500AfterRatio,
        dropConnectionRatio,
        consistencyWindow,
        concurrentModificationRatio,
        seed);
  }

  /** A copy that does or does not send {@code Retry-After} with 429. */
  public FaultSettings withRetryAfterHeader(boolean value) {
    return new FaultSettings(
        latency,
        latencyJitter,
        readsPerSecond,
        writesPerSecond,
        value,
        error500BeforeRatio,
        error500AfterRatio,
        dropConnectionRatio,
        consistencyWindow,
        concurrentModificationRatio,
        seed);
  }

  /** A copy with another share of 500s answered before anything is applied. */
  public FaultSettings withError500BeforeRatio(double value) {
    return new FaultSettings(
        latency,
        latencyJitter,
        readsPerSecond,
        writesPerSecond,
        retryAfterHeader,
        value,
        error500AfterRatio,
        dropConnectionRatio,
        consistencyWindow,
        concurrentModificationRatio,
        seed);
  }

  /** A copy with another share of writes applied and then answered 500. */
  public FaultSettings withError500AfterRatio(double value) {
    return new FaultSettings(
        latency,
        latencyJitter,
        readsPerSecond,
        writesPerSecond,
        retryAfterHeader,
        error500BeforeRatio,
        value,
        dropConnectionRatio,
        consistencyWindow,
        concurrentModificationRatio,
        seed);
  }

  /** A copy with another share of dropped connections. */
  public FaultSettings withDropConnectionRatio(double value) {
    return new FaultSettings(
        latency,
        latencyJitter,
        readsPerSecond,
        writesPerSecond,
        retryAfterHeader,
        error500BeforeRatio,
        error500AfterRatio,
        value,
        consistencyWindow,
        concurrentModificationRatio,
        seed);
  }

  /** A copy with another consistency window (zero = a created resource is visible at once). */
  public FaultSettings withConsistencyWindow(Duration value) {
    return new FaultSettings(
        latency,
        latencyJitter,
        readsPerSecond,
        writesPerSecond,
        retryAfterHeader,
        error500BeforeRatio,
        error500AfterRatio,
        dropConnectionRatio,
        value,
        concurrentModificationRatio,
        seed);
  }

  /** A copy with another share of PATCHes refused with a concurrent-modification 409. */
  public FaultSettings withConcurrentModificationRatio(double value) {
    return new FaultSettings(
        latency,
        latencyJitter,
        readsPerSecond,
        writesPerSecond,
        retryAfterHeader,
        error500BeforeRatio,
        error500AfterRatio,
        dropConnectionRatio,
        consistencyWindow,
        value,
        seed);
  }

  /** A copy with another random seed. */
  public FaultSettings withSeed(long value) {
    return new FaultSettings(
        latency,
        latencyJitter,
        readsPerSecond,
        writesPerSecond,
        retryAfterHeader,
        error500BeforeRatio,
        error500AfterRatio,
        dropConnectionRatio,
        consistencyWindow,
        concurrentModificationRatio,
        value);
  }

  private static void requireRatio(double value, String name) {
    requireTrue(value >= 0 && value <= 1, name + " must be between 0 and 1");
  }

  private static void requireTrue(boolean condition, String message) {
    if (!condition) {
      throw new EmulatorException(EmulatorException.Kind.INVALID_INPUT, message);
    }
  }
}
