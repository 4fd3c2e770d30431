package org.scimsync.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.scimsync.bench.internal.DirectoryChange;
import org.scimsync.bench.internal.ResultsTable;

/**
 * The results of one benchmark run: settings, machine, the target's size after the initial sync,
 * the directory change, and one {@link ScenarioResult} per scenario.
 *
 * @param settings what was measured against
 * @param machine where it ran
 * @param startedAt when the run started
 * @param finishedAt when it finished
 * @param targetUsers users in the target after the initial sync
 * @param targetGroups groups in the target after the initial sync
 * @param targetMemberships memberships in the target after the initial sync
 * @param change what the change scenario changed in the directory
 * @param scenarios the scenarios in the order they ran
 */
public record BenchmarkResults(
    BenchmarkSettings settings,
    Machine machine,
    Instant startedAt,
    Instant finishedAt,
    int targetUsers,
    int targetGroups,
    long targetMemberships,
    DirectoryChange.Summary change,
    List<ScenarioResult> scenarios) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /** Copies. */
  public BenchmarkResults {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(change, "change");
    scenarios = List.copyOf(scenarios);
  }

  /**
   * The machine a benchmark ran on.
   *
   * @param processors processors the JVM sees
   * @param memoryBytes physical memory
   * @param loadAverageAtStart the one-minute load average when the run started
   * @param loadAverageAtEnd the one-minute load average when it ended
   * @param java the Java runtime version
   * @param os the operating system
   */
  public record Machine(
      int processors,
      long memoryBytes,
      double loadAverageAtStart,
      double loadAverageAtEnd,
      String java,
      String os) {

    /** This machine now (the end load is filled in later). */
    public static Machine now() {
      long memory = 0;
      if (ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        memory = os.getTotalMemorySize();
      }
      return new Machine(
          Runtime.getRuntime().availableProcessors(),
          memory,
          load(),
          -1,
          System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
          System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** A copy with the end load measured now. */
    public Machine ended() {
      return new Machine(processors, memoryBytes, loadAverageAtStart, load(), java, os);
    }

    private static double load() {
      return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
  }

  /**
   * The scenario of this name.
   *
   * @throws NoSuchElementException if it did not run
   */
  public ScenarioResult scenario(String name) {
    return scenarios.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no scenario " + name));
  }

  /** The results as JSON. */
  public String toJson() {
    return json(this);
  }

  /** Any benchmark's results as indented JSON, times as ISO-8601 text. */
  static String json(Object results) {
    try {
      return JSON.writeValueAsString(results);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("results cannot be written as JSON", e);
    }
  }

  /**
   * Creates the work and results directories and removes the state file a previous run left in the
   * work directory, so that every benchmark starts from an empty state.
   */
  static void prepare(Path work, Path results) throws IOException {
    Files.createDirectories(work);
    Files.createDirectories(results);
    for (String file : List.of("scim-sync.db", "scim-sync.db-wal", "scim-sync.db-shm")) {
      Files.deleteIfExists(work.resolve(file));
    }
  }

  /** The results as a markdown table with a heading line. */
  public String toMarkdown() {
    return ResultsTable.render(this);
  }
}
