package org.scimsync.bench.jmh;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.config.ConfigLoader;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;

/**
 * The same sync run several times in one JVM, as {@code scim-sync serve} runs its scheduled syncs
 * (not part of the build): run 1 is what a one-shot {@code scim-sync sync} pays in a fresh JVM, the
 * later runs what the service pays once its code is compiled. Prints each run's wall time and the
 * process CPU it took.
 *
 * <p>Usage: {@code RepeatedRuns CONFIG full|incremental [runs]} (default 3), on a configuration
 * whose target already matches the directory (one a benchmark run wrote, with its emulator still
 * up), so that every run is a no-op.
 */
public final class RepeatedRuns {

  private RepeatedRuns() {}

  /** Runs the sync {@code runs} times and prints one line per run. */
  public static void main(String[] args) {
    Path config = Path.of(args[0]);
    boolean full = "full".equals(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    try (Application app = Application.open(ConfigLoader.fromSystemEnvironment().load(config))) {
      SyncEngine engine = app.engine();
      for (int run = 1; run <= runs; run++) {
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        RunReport report = engine.run(SyncOptions.of("bench").withFull(full));
        System.out.printf(
            Locale.ROOT,
            "run=%d full=%s wallMs=%d cpuMs=%d status=%s changes=%d%n",
            run,
            full,
            (System.nanoTime() - start) / 1_000_000,
            (processCpuNanos() - cpu) / 1_000_000,
            report.status(),
            report.plan().changes().size());
      }
    }
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }
}
