package org.scimsync.bench.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Starts {@link SyncRunner} in a JVM of its own, with a fixed heap and a GC log, and reads back its
 * {@link RunMeasurement}. The benchmark's JVM keeps the emulator, so the sync JVM's heap is the
 * engine's alone. Without forking, the sync runs in this JVM instead.
 */
public final class SyncProcess {

  /**
   * Environment variable with more options for the sync JVM, separated by spaces; {@code
   * {scenario}} is replaced by the scenario name (e.g. {@code
   * -XX:StartFlightRecording=filename={scenario}.jfr}).
   */
  public static final String EXTRA_OPTIONS = "BENCH_SYNC_JAVA_OPTS";

  private final Path config;
  private final String heap;
  private final Path logDirectory;
  private final boolean fork;

  /**
   * @param config the configuration file
   * @param heap the sync JVM's {@code -Xmx} value, e.g. {@code 1g}
   * @param logDirectory where the process output, GC log and measurement go
   * @param fork false to run the sync in this JVM (its heap then includes whatever else this JVM
   *     holds)
   */
  public SyncProcess(Path config, String heap, Path logDirectory, boolean fork) {
    this.config = Objects.requireNonNull(config, "config");
    this.heap = Objects.requireNonNull(heap, "heap");
    this.logDirectory = Objects.requireNonNull(logDirectory, "logDirectory");
    this.fork = fork;
  }

  /**
   * Runs one sync and waits for it.
   *
   * @param scenario the scenario name, used for the file names
   * @param full whether to force a full run
   * @throws IllegalStateException when the process fails without a measurement
   */
  public RunMeasurement run(String scenario, boolean full)
      throws IOException, InterruptedException {
    if (!fork) {
      return SyncRunner.run(config, full);
    }
    Path result = logDirectory.resolve(scenario + "-measurement.json");
    ForkedJvm.run(
        heap,
        logDirectory,
        config.getParent(),
        scenario,
        SyncRunner.class,
        List.of(config.toString(), full ? "full" : "incremental", result.toString()),
        result);
    return new ObjectMapper().readValue(result.toFile(), RunMeasurement.class);
  }
}
