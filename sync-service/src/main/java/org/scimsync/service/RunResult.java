package org.scimsync.service;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.service.ui.RunNotes;

/**
 * How a launched run ended, as the service needs it for metrics, readiness and the answer to {@code
 * GET /triggers/{id}}.
 *
 * @param runId the id the state store gave the run
 * @param status how it ended
 * @param exitCode the CLI exit code of the run (0 ok, 1 some changes failed, 3 safety stop, 4
 *     source or target unreachable or authentication refused)
 * @param full true when the run re-read the target
 * @param changes changes applied
 * @param failures changes that failed
 * @param changesByKind applied changes by kind ({@code CREATE_USER}, {@code PATCH_MEMBERS}, ...)
 * @param duration wall time of the run
 * @param notes the plan's warnings, what a guard withheld and the plan, for the status page; null
 *     when the launcher does not report them
 */
public record RunResult(
    long runId,
    RunStatus status,
    int exitCode,
    boolean full,
    int changes,
    int failures,
    Map<String, Integer> changesByKind,
    Duration duration,
    @Nullable RunNotes notes) {

  public RunResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(duration, "duration");
    changesByKind = Map.copyOf(changesByKind);
  }

  /** A result without notes. */
  public RunResult(
      long runId,
      RunStatus status,
      int exitCode,
      boolean full,
      int changes,
      int failures,
      Map<String, Integer> changesByKind,
      Duration duration) {
    this(runId, status, exitCode, full, changes, failures, changesByKind, duration, null);
  }

  /** This result with the notes of its report. */
  public RunResult withNotes(RunNotes runNotes) {
    return new RunResult(
        runId, status, exitCode, full, changes, failures, changesByKind, duration, runNotes);
  }

  /** True when the run could not reach the source or the target, or was refused (exit code 4). */
  public boolean unreachable() {
    return exitCode == 4;
  }
}
