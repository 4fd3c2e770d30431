package org.scimsync.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.apply.ChangeResult;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.RunStatus;

/**
 * What one run did.
 *
 * @param runId the id in the state store's history; 0 for a dry run, which is not recorded
 * @param trigger what started the run
 * @param status how it ended
 * @param exitCode the command line's exit code: 0 ok, 1 some changes failed, 3 safety stop, 4
 *     target refused authentication or became unreachable
 * @param dryRun true when nothing was written
 * @param plan the plan that was applied (or would have been)
 * @param results the outcome of every change that was attempted or skipped
 * @param applied changes applied
 * @param failed changes failed
 * @param skipped changes skipped (withheld by a guard, or after the run was stopped)
 * @param startedAt when the run started
 * @param planDuration reading, mapping, observing and planning
 * @param applyDuration applying
 * @param message why the run stopped or failed; null when it succeeded
 */
public record RunReport(
    long runId,
    String trigger,
    RunStatus status,
    int exitCode,
    boolean dryRun,
    Plan plan,
    List<ChangeResult> results,
    int applied,
    int failed,
    int skipped,
    Instant startedAt,
    Duration planDuration,
    Duration applyDuration,
    @Nullable String message) {

  private static final ObjectMapper JSON = PlanJson.mapper();

  public RunReport {
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(plan, "plan");
    results = List.copyOf(results);
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(planDuration, "planDuration");
    Objects.requireNonNull(applyDuration, "applyDuration");
  }

  /** The warnings of the plan. */
  public List<String> warnings() {
    return plan.warnings();
  }

  /** The report as a person reads it: the plan, each failure, and a summary line. */
  public String toText() {
    StringBuilder out = new StringBuilder(plan.toText());
    for (ChangeResult result : results) {
      if (result.result() == ChangeOutcome.Result.FAILED) {
        out.append("FAILED ")
            .append(result.change().changeName())
            .append(' ')
            .append(result.change().label())
            .append(": ")
            .append(result.detail())
            .append('\n');
      }
    }
    if (message != null) {
      out.append(message).append('\n');
    }
    out.append(
        String.format(
            "Run %s%s: %s, %d applied, %d failed, %d skipped in %d ms (exit %d)%n",
            runId,
            dryRun ? " (dry run)" : "",
            status,
            applied,
            failed,
            skipped,
            planDuration.plus(applyDuration).toMillis(),
            exitCode));
    return out.toString();
  }

  /** The report as one JSON document. */
  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("run report cannot be written as JSON", e);
    }
  }
}
