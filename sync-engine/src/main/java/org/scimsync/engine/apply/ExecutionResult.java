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
 * @param stopKind why the run stopped early, with {@code stopReason}; null when it did not
 */
public record ExecutionResult(
    List<ChangeResult> results,
    @Nullable String stopReason,
    int unavailableFailures,
    boolean shutdown,
    @Nullable StopKind stopKind) {

  /** Why a run stopped before it sent every change. */
  public enum StopKind {
    /** The target refused the credentials (401, 403): nothing more can succeed. */
    CREDENTIALS_REFUSED,
    /**
     * The target refused the same way write after write (see {@code
     * target.maxConsecutiveRefusals}): the rest would be refused too.
     */
    EVERYTHING_REFUSED
  }

  public ExecutionResult {
    results = List.copyOf(results);
    if (stopReason != null && stopKind == null) {
      stopKind = StopKind.CREDENTIALS_REFUSED;
    }
  }

  /** A result whose early stop, if any, was for refused credentials. */
  public ExecutionResult(
      List<ChangeResult> results,
      @Nullable String stopReason,
      int unavailableFailures,
      boolean shutdown) {
    this(results, stopReason, unavailableFailures, shutdown, null);
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
