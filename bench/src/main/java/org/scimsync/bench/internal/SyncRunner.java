package org.scimsync.bench.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.config.ConfigLoader;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.cli.exit.ExitCodes;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.state.ChangeOutcome;

/**
 * The sync side of one benchmark scenario, in its own JVM so that its heap is the engine's alone:
 * wires the application from a configuration (the CLI's composition root), runs one sync and writes
 * a {@link RunMeasurement} as JSON.
 *
 * <p>Usage: {@code SyncRunner CONFIG full|incremental RESULT_JSON}
 */
public final class SyncRunner {

  private SyncRunner() {}

  /** Runs one sync; exits 0 when the measurement was written, whatever the run's outcome. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3 || !Set.of("full", "incremental").contains(args[1])) {
      System.err.println("usage: SyncRunner CONFIG full|incremental RESULT_JSON");
      System.exit(2);
    }
    RunMeasurement measurement = run(Path.of(args[0]), "full".equals(args[1]));
    new ObjectMapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(Path.of(args[2]).toFile(), measurement);
  }

  static RunMeasurement run(Path configFile, boolean full) {
    try (HeapWatch heap = new HeapWatch()) {
      long cpuStart = processCpuNanos();
      long composeStart = System.nanoTime();
      ScimSyncConfig config = ConfigLoader.fromSystemEnvironment().load(configFile);
      try (Application app = Application.open(config)) {
        SyncEngine engine = app.engine();
        long runStart = System.nanoTime();
        RunReport report = engine.run(SyncOptions.of("bench").withFull(full));
        long runEnd = System.nanoTime();
        Map<String, Integer> planned = new TreeMap<>();
        for (Change change : report.plan().changes()) {
          planned.merge(change.changeName(), 1, Integer::sum);
        }
        report.results().stream()
            .filter(r -> r.result() == ChangeOutcome.Result.FAILED)
            .limit(5)
            .forEach(
                r -> System.err.println("failed change " + r.change().label() + ": " + r.detail()));
        return new RunMeasurement(
            TimeUnit.NANOSECONDS.toMillis(runEnd - runStart),
            TimeUnit.NANOSECONDS.toMillis(runStart - composeStart),
            report.planDuration().toMillis(),
            report.applyDuration().toMillis(),
            TimeUnit.NANOSECONDS.toMillis(processCpuNanos() - cpuStart),
            report.status().name(),
            ExitCodes.of(report.status()).code(),
            planned,
            report.applied(),
            report.failed(),
            report.skipped(),
            heap.peakUsedBytes(),
            heap.maxLiveBytes(),
            HeapWatch.maxHeapBytes(),
            heap.collections(),
            report.message());
      }
    }
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
