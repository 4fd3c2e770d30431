package org.scimsync.bench.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Runs {@code scim-sync sync --output json} over a configuration ({@link CliSyncRunner}) in a JVM
 * of its own with a fixed heap, or in this JVM, and reads back its measurement and its output.
 */
public final class CliSyncProcess {

  private final Path config;
  private final String heap;
  private final Path logDirectory;
  private final boolean fork;

  /**
   * @param config the configuration file
   * @param heap the sync JVM's {@code -Xmx} value, e.g. {@code 1g}
   * @param logDirectory where the output, process log, GC log and measurement go
   * @param fork false to run the command in this JVM
   */
  public CliSyncProcess(Path config, String heap, Path logDirectory, boolean fork) {
    this.config = Objects.requireNonNull(config, "config");
    this.heap = Objects.requireNonNull(heap, "heap");
    this.logDirectory = Objects.requireNonNull(logDirectory, "logDirectory");
    this.fork = fork;
  }

  /**
   * What one command measured and printed.
   *
   * @param measurement the process's own measurement
   * @param output what the command printed (the reports of every target)
   */
  public record Ran(CliSyncMeasurement measurement, SyncOutput output) {}

  /**
   * Runs one {@code sync} of every target and waits for it.
   *
   * @param scenario the scenario name, used for the file names
   * @param full whether to force a full run ({@code --full})
   * @throws IllegalStateException when the process fails without a measurement
   */
  public Ran run(String scenario, boolean full) throws IOException, InterruptedException {
    Path output = logDirectory.resolve(scenario + "-output.json");
    CliSyncMeasurement measurement;
    if (fork) {
      Path result = logDirectory.resolve(scenario + "-measurement.json");
      ForkedJvm.run(
          heap,
          logDirectory,
          config.getParent(),
          scenario,
          CliSyncRunner.class,
          List.of(
              config.toString(),
              full ? "full" : "incremental",
              output.toString(),
              result.toString()),
          result);
      measurement = new ObjectMapper().readValue(result.toFile(), CliSyncMeasurement.class);
    } else {
      measurement = CliSyncRunner.run(config, full, output);
    }
    return new Ran(measurement, SyncOutput.read(output));
  }
}
