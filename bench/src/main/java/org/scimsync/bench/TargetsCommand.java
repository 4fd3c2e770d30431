package org.scimsync.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@link TargetsBenchmark}. */
@Command(
    name = "targets-benchmark",
    mixinStandardHelpOptions = true,
    description =
        "Measures syncs of several targets (an emulator each, quotas of its own) from one"
            + " generated directory.")
final class TargetsCommand implements Callable<Integer> {

  @Option(names = "--users", description = "Users to generate (default ${DEFAULT-VALUE}).")
  private int users = 50_000;

  @Option(names = "--groups", description = "Groups to generate (default ${DEFAULT-VALUE}).")
  private int groups = 10_000;

  @Option(names = "--seed", description = "Generator seed (default ${DEFAULT-VALUE}).")
  private long seed = 42;

  @Option(
      names = "--scales",
      split = ",",
      description = "One per target: its quotas as a multiple of AWS's (default ${DEFAULT-VALUE}).")
  private List<Integer> scales = new ArrayList<>(List.of(1, 2, 3, 4, 5));

  @Option(
      names = "--same-scope",
      description =
          "Every target syncs the whole directory (default: each a share, together the whole).")
  private boolean sameScope;

  @Option(
      names = "--latency-ms",
      description = "Latency of every emulator (default: 30 ms divided by the target's scale).")
  private @Nullable Integer latencyMillis;

  @Option(names = "--sync-heap", description = "-Xmx of the sync JVM (default ${DEFAULT-VALUE}).")
  private String syncHeap = "1g";

  @Option(
      names = "--target",
      description = "Directory for work files and results (default ${DEFAULT-VALUE}).")
  private Path target = Path.of("bench", "target");

  @Override
  public Integer call() throws IOException, InterruptedException {
    TargetsSettings settings =
        TargetsSettings.of(users, groups, seed, scales, sameScope, target).withSyncHeap(syncHeap);
    if (latencyMillis != null) {
      settings = settings.withLatency(Duration.ofMillis(latencyMillis));
    }
    TargetsResults results = new TargetsBenchmark(settings, System.out).run();
    System.out.println();
    System.out.print(results.toMarkdown());
    return 0;
  }
}
