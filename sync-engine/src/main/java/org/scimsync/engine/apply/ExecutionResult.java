package org.scimsync.engine.apply;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.ChangeResult;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.state.ChangeOutcome;

/**
 * What the executor did with a plan.
 *
 * @param results one per planned change, in plan order
 * @param stopReason why the run stopped early (authentication refused), null otherwise
 */
public record ExecutionResult(List<ChangeResult> results, @Nullable String stopReason) {

  public ExecutionResult {
    results = List.copyOf(results);
  }

  /** Every change skipped, for a run stopped before applying anything. */
  public static ExecutionResult skippedAll(List<Change> changes, String reason) {
    return new ExecutionResult(
        changes.stream()
            .map(c -> new ChangeResult(c, ChangeOutcome.Result.SKIPPED, null, null, reason))
            .toList(),
        null);
  }

  /** How many changes ended with this result. */
  public int count(ChangeOutcome.Result result) {
    return (int) results.stream().filter(r -> r.result() == result).count();
  }
}
