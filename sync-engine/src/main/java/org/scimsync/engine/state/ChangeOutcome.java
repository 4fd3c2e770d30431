package org.scimsync.engine.state;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one change ended.
 *
 * @param result applied, failed or skipped
 * @param httpStatus the target's HTTP status, if it answered
 * @param targetId the target id after the change (set by creates and adoptions)
 * @param error the reason of a failure, never a secret
 */
public record ChangeOutcome(
    Result result,
    @Nullable Integer httpStatus,
    @Nullable String targetId,
    @Nullable String error) {

  /** The result of a change. */
  public enum Result {
    APPLIED,
    FAILED,
    SKIPPED
  }

  public ChangeOutcome {
    Objects.requireNonNull(result, "result");
  }
}
