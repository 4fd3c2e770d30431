package org.scimsync.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.apply.ChangeResult;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.RepeatedLines;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.RunStatus;

/**
 * What one run did.
 *
 * @param runId the id in the state store's history; 0 for a dry run, which is not recorded
 * @param trigger what started the run
 * @param status how it ended
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
    return toText("");
  }

  /**
   * The report as the command line prints it: the summary line ends with the process's exit code,
   * which the command line decides from {@link #status()}.
   */
  public String toText(int exitCode) {
    return toText(" (exit " + exitCode + ")");
  }

  private String toText(String summaryEnd) {
    StringBuilder out = new StringBuilder(plan.toText());
    List<String> failures = new ArrayList<>();
    Map<String, String> shapes = new HashMap<>();
    for (ChangeResult result : results) {
      if (result.result() == ChangeOutcome.Result.FAILED) {
        String line =
            result.change().changeName() + ' ' + result.change().label() + ": " + result.detail();
        failures.add(line);
        shapes.putIfAbsent(
            line,
            result.change().changeName()
                + ' '
                + RepeatedLines.shapeOf(
                    String.valueOf(result.detail()).replace(result.change().label(), "*")));
      }
    }
    RepeatedLines.append(out, failures, "FAILED ", shapes::get);
    if (message != null) {
      out.append(message).append('\n');
    }
    out.append(
        String.format(
            "Run %s%s: %s, %d applied, %d failed, %d skipped in %d ms%s%n",
            runId,
            dryRun ? " (dry run)" : "",
            status,
            applied,
            failed,
            skipped,
            planDuration.plus(applyDuration).toMillis(),
            summaryEnd));
    return out.toString();
  }

  /**
   * The report as one JSON document, with the process's exit code (decided by the command line from
   * {@link #status()}) after the status.
   */
  public String toJson(int exitCode) {
    try {
      ObjectNode tree = JSON.valueToTree(this);
      ObjectNode ordered = JSON.createObjectNode();
      tree.fields()
          .forEachRemaining(
              field -> {
                ordered.set(field.getKey(), field.getValue());
                if (field.getKey().equals("status")) {
                  ordered.put("exitCode", exitCode);
                }
              });
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ordered);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("run report cannot be written as JSON", e);
    }
  }
}
