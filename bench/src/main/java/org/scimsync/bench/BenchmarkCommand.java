package org.scimsync.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@link SyncBenchmark}. */
@Command(
    name = "sync-benchmark",
    mixinStandardHelpOptions = true,
    description = "Measures syncs of a generated directory into the emulator at AWS's quotas.")
final class BenchmarkCommand implements Callable<Integer> {

  @Option(names = "--users", description = "Users to generate (default ${DEFAULT-VALUE}).")
  private int users = 5_000;

  @Option(names = "--groups", description = "Groups to generate (default ${DEFAULT-VALUE}).")
  private int groups = 1_000;

  @Option(names = "--seed", description = "Generator seed (default ${DEFAULT-VALUE}).")
  private long seed = 42;

  @Option(
      names = "--scale",
      description = "Quotas are this many times AWS's; 1 = AWS (default ${DEFAULT-VALUE}).")
  private int scale = 10;

  @Option(
      names = "--initial-scale",
      description =
          "Quotas of the initial sync, as a multiple of AWS's (default: the --scale). With --scale 1"
              + " --initial-scale 10 the no-op and change runs are measured at AWS's quotas"
              + " without a 35-minute initial sync.")
  private @Nullable Integer initialScale;

  @Option(
      names = "--latency-ms",
      description = "Latency per request (default: 30 ms divided by the scale).")
  private @Nullable Integer latencyMillis;

  @Option(
      names = "--long-round-trip",
      description =
          "The long-round-trip scenario: quotas x4 (160 reads/s, 100 writes/s per API) at 150 ms"
              + " latency; --scale and --latency-ms are then ignored.")
  private boolean longRoundTrip;

  @Option(
      names = "--max-concurrency",
      description =
          "target.maxConcurrency of the sync (default: the program's, 64); 8 reproduces the fixed"
              + " 8 requests in flight per lane of earlier versions.")
  private @Nullable Integer maxConcurrency;

  @Option(names = "--sync-heap", description = "-Xmx of the sync JVM (default ${DEFAULT-VALUE}).")
  private String syncHeap = "1g";

  @Option(
      names = "--target",
      description = "Directory for work files and results (default ${DEFAULT-VALUE}).")
  private Path target = Path.of("bench", "target");

  @Override
  public Integer call() throws IOException, InterruptedException {
    BenchmarkSettings settings =
        longRoundTrip
            ? BenchmarkSettings.longRoundTrip(users, groups, seed, target)
            : BenchmarkSettings.of(users, groups, seed, scale, target);
    settings = settings.withSyncHeap(syncHeap).withMaxConcurrency(maxConcurrency);
    if (initialScale != null) {
      settings = settings.withInitialScale(initialScale);
    }
    if (latencyMillis != null && !longRoundTrip) {
      settings = settings.withLatency(Duration.ofMillis(latencyMillis));
    }
    BenchmarkResults results = new SyncBenchmark(settings, System.out).run();
    System.out.println();
    System.out.print(results.toMarkdown());
    return 0;
  }
}
