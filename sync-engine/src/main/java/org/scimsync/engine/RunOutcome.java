package org.scimsync.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.apply.ExecutionResult;
import org.scimsync.engine.apply.Executor;
import org.scimsync.engine.plan.SafetyVerdict;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.RunStatus;

/**
 * How a run that applied (or skipped) its plan ended: the status recorded in the state store, the
 * message for the report.
 *
 * @param status the run's status
 * @param message why the run did not simply succeed, if it did not
 */
record RunOutcome(RunStatus status, @Nullable String message) {

  RunOutcome {
    Objects.requireNonNull(status, "status");
  }

  /**
   * The outcome of an execution, the most serious reason first: a stop signal, an unreachable
   * target, a shutdown, the safety guard, failed changes.
   */
  static RunOutcome of(ExecutionResult result, SafetyVerdict safety) {
    return of(result, safety, 0);
  }

  /**
   * The outcome of an execution whose plan held {@code failedLookups} objects because the target
   * refused to look them up: partial (exit 1) rather than succeeded, so that the next run reads
   * them again instead of relying on this one.
   */
  static RunOutcome of(ExecutionResult result, SafetyVerdict safety, int failedLookups) {
    RunOutcome outcome = ofExecution(result, safety);
    if (failedLookups > 0 && outcome.status() == RunStatus.SUCCEEDED) {
      return new RunOutcome(
          RunStatus.PARTIAL,
          failedLookups
              + (failedLookups == 1 ? " object was" : " objects were")
              + " not synced: the target refused to look "
              + (failedLookups == 1 ? "it" : "them")
              + " up (see the warnings)");
    }
    return outcome;
  }

  private static RunOutcome ofExecution(ExecutionResult result, SafetyVerdict safety) {
    if (result.stopReason() != null) {
      // A target that refuses every write the same way is reachable: the changes failed (exit 1),
      // unlike refused credentials (exit 4).
      RunStatus status =
          result.stopKind() == ExecutionResult.StopKind.EVERYTHING_REFUSED
              ? RunStatus.PARTIAL
              : RunStatus.FAILED;
      return new RunOutcome(status, "run stopped: " + result.stopReason());
    }
    if (result.targetUnreachable()) {
      return new RunOutcome(
          RunStatus.FAILED,
          "the target could not be reached: every change failed after the retries");
    }
    if (result.shutdown()) {
      return new RunOutcome(RunStatus.PARTIAL, Executor.STOPPED_BY_SHUTDOWN);
    }
    if (!safety.isPassed()) {
      return new RunOutcome(RunStatus.STOPPED_BY_GUARD, safety.message());
    }
    if (result.count(ChangeOutcome.Result.FAILED) > 0) {
      return new RunOutcome(RunStatus.PARTIAL, null);
    }
    return new RunOutcome(RunStatus.SUCCEEDED, null);
  }
}
