package org.scimsync.bench;

import java.util.Map;
import java.util.Objects;
import org.scimsync.bench.internal.RequestFloor;
import org.scimsync.bench.internal.RunMeasurement;

/**
 * What one scenario measured.
 *
 * @param name the scenario: {@code initial}, {@code noop-full}, {@code noop-incremental}, {@code
 *     noop-incremental-read}, {@code change-1pct}
 * @param full whether the run listed the target
 * @param wallSeconds the engine run's wall time (the sync JVM's start-up and wiring excluded)
 * @param boundSeconds the floor set by the quotas for the strictly needed requests
 * @param limitingApi the API whose quota sets the floor
 * @param ratio {@code wallSeconds / boundSeconds}; 0 when the bound is 0
 * @param requestsByApi requests the emulator received, per API, whatever the answer
 * @param neededByApi the strictly needed requests, per API
 * @param throttled requests answered 429
 * @param writes write requests received
 * @param neededWrites strictly needed write requests
 * @param reads read requests received
 * @param neededReads strictly needed read requests
 * @param measurement what the sync process measured about itself (heap, CPU, plan, outcome)
 */
public record ScenarioResult(
    String name,
    boolean full,
    double wallSeconds,
    double boundSeconds,
    String limitingApi,
    double ratio,
    Map<String, Long> requestsByApi,
    Map<String, Long> neededByApi,
    long throttled,
    long writes,
    long neededWrites,
    long reads,
    long neededReads,
    RunMeasurement measurement) {

  /** Copies. */
  public ScenarioResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(limitingApi, "limitingApi");
    requestsByApi = Map.copyOf(requestsByApi);
    neededByApi = Map.copyOf(neededByApi);
    Objects.requireNonNull(measurement, "measurement");
  }

  /** Combines the emulator's counts with the floor and the sync process's measurement. */
  static ScenarioResult of(
      String name,
      boolean full,
      Map<String, Long> requestsByApi,
      long throttled,
      long writes,
      RequestFloor.Floor floor,
      RunMeasurement measurement) {
    double wall = measurement.wallMillis() / 1000.0;
    long total = requestsByApi.values().stream().mapToLong(Long::longValue).sum();
    return new ScenarioResult(
        name,
        full,
        wall,
        floor.boundSeconds(),
        floor.limitingApi(),
        floor.boundSeconds() > 0 ? wall / floor.boundSeconds() : 0,
        requestsByApi,
        floor.needed(),
        throttled,
        writes,
        floor.neededWrites(),
        total - writes,
        floor.neededReads(),
        measurement);
  }
}
