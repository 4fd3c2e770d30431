package org.scimsync.bench.internal;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one sync process measured about itself.
 *
 * @param wallMillis the engine run, from reading the source to the recorded result
 * @param composeMillis wiring the application from the configuration (rules, client, store)
 * @param planMillis reading, mapping, observing and planning (the engine's own split)
 * @param applyMillis applying the plan (the engine's own split)
 * @param cpuMillis CPU time of the whole sync process, all threads
 * @param status the run status
 * @param exitCode the run's exit code
 * @param planned changes in the plan, by kind
 * @param applied changes applied
 * @param failed changes failed
 * @param skipped changes skipped
 * @param peakHeapBytes the most heap in use at any observed moment
 * @param maxLiveHeapBytes the most heap still in use after a collection
 * @param maxHeapBytes the heap limit of the sync process
 * @param collections garbage collections during the run
 * @param message why the run failed or stopped, if it did
 */
public record RunMeasurement(
    long wallMillis,
    long composeMillis,
    long planMillis,
    long applyMillis,
    long cpuMillis,
    String status,
    int exitCode,
    Map<String, Integer> planned,
    int applied,
    int failed,
    int skipped,
    long peakHeapBytes,
    long maxLiveHeapBytes,
    long maxHeapBytes,
    long collections,
    @Nullable String message) {

  /** Checks and copies. */
  public RunMeasurement {
    Objects.requireNonNull(status, "status");
    planned = Map.copyOf(planned);
  }
}
