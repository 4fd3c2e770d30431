package org.scimsync.engine.state;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a run ended, with its counts.
 *
 * @param status the outcome
 * @param planned changes in the plan
 * @param applied changes applied successfully
 * @param failed changes that failed
 * @param finishedAt when it ended
 * @param message a human-readable reason for a guard stop or failure, never a secret
 */
public record RunSummary(
    RunStatus status,
    int planned,
    int applied,
    int failed,
    Instant finishedAt,
    @Nullable String message) {

  public RunSummary {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }
}
