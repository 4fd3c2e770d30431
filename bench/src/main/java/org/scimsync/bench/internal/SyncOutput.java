package org.scimsync.bench.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.PlanJson;

/**
 * The part of {@code scim-sync sync --output json} over several targets that the benchmark reads:
 * {@code {"targets": [{"target", "exitCode", "report" | "error"}], "directoryReads", "exitCode"}}.
 * The plans and per-change results in the reports are skipped while parsing.
 *
 * @param targets each target's outcome, in the order of the configuration
 * @param directoryReads reads of the directory for all targets together
 * @param exitCode the command's exit code
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncOutput(List<Target> targets, int directoryReads, int exitCode) {

  /** Copies. */
  public SyncOutput {
    targets = List.copyOf(targets);
  }

  /**
   * One target's outcome.
   *
   * @param target its name
   * @param exitCode its exit code
   * @param report its run report; null when it failed
   * @param error why it failed; null when it has a report
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Target(
      String target, int exitCode, @Nullable Report report, @Nullable String error) {}

  /**
   * The fields of a run report the benchmark uses.
   *
   * @param status how the run ended
   * @param applied changes applied
   * @param failed changes failed
   * @param skipped changes skipped
   * @param planDuration reading, mapping, observing and planning
   * @param applyDuration applying
   * @param message why the run stopped, failed or was spared, if it was
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Report(
      String status,
      int applied,
      int failed,
      int skipped,
      Duration planDuration,
      Duration applyDuration,
      @Nullable String message) {

    /** The run's wall time: plan and apply. */
    public Duration wall() {
      return planDuration.plus(applyDuration);
    }
  }

  /** Parses the output file. */
  public static SyncOutput read(Path file) throws IOException {
    return PlanJson.mapper().readValue(file.toFile(), SyncOutput.class);
  }

  /**
   * The outcome of the target of this name.
   *
   * @throws NoSuchElementException if the output has none
   */
  public Target target(String name) {
    return targets.stream()
        .filter(t -> t.target().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no target " + name + " in the output"));
  }
}
