package org.scimsync.engine.apply;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.state.ChangeOutcome;

/**
 * How one planned change ended.
 *
 * @param change the change
 * @param result applied, failed or skipped
 * @param httpStatus the target's status when it refused
 * @param targetId the target id after the change (creates, adoptions)
 * @param detail why it failed or was skipped, or how it was resolved (e.g. adopted on 409)
 */
public record ChangeResult(
    Change change,
    ChangeOutcome.Result result,
    @Nullable Integer httpStatus,
    @Nullable String targetId,
    @Nullable String detail) {

  public ChangeResult {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(result, "result");
  }

  /** The outcome as journaled. */
  public ChangeOutcome toOutcome() {
    return new ChangeOutcome(result, httpStatus, targetId, detail);
  }
}
