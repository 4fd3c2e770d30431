package org.scimsync.engine.apply;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.state.ChangeOutcome;

/**
 * What the executor did with a plan.
 *
 * @param results one per planned change, in plan order
 * @param stopReason why the run stopped early (authentication refused), null otherwise
 * @param unavailableFailures changes that failed because the target stayed unreachable, throttled
 *     or failing after the client's retries
 * @param shutdown true when the stop signal was raised and changes were skipped because of it
 */
public record ExecutionResult(
    List<ChangeResult> results,
    @Nullable String stopReason,
    int unavailableFailures,
    boolean shutdown) {

  public ExecutionResult {
    results = List.copyOf(results);
  }

  /** Every change skipped, for a run stopped before applying anything. */
  public static ExecutionResult skippedAll(List<Change> changes, String reason) {
    return new ExecutionResult(
        changes.stream()
            .map(c -> new ChangeResult(c, ChangeOutcome.Result.SKIPPED, null, null, reason))
            .toList(),
        null,
        0,
        false);
  }

  /**
   * True when changes were attempted and every one of them failed because the target was
   * unreachable: the run could not proceed rather than some changes being refused.
   */
  public boolean targetUnreachable() {
    return unavailableFailures > 0
        && unavailableFailures == count(ChangeOutcome.Result.FAILED)
        && count(ChangeOutcome.Result.APPLIED) == 0;
  }

  /** How many changes ended with this result. */
  public int count(ChangeOutcome.Result result) {
    return (int) results.stream().filter(r -> r.result() == result).count();
  }
}
