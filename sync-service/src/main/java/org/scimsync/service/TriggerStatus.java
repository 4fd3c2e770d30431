package org.scimsync.service;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What became of one trigger.
 *
 * @param triggerId the id from the {@link TriggerReceipt}
 * @param state where it is
 * @param result the run that served it, once that run has ended
 */
public record TriggerStatus(long triggerId, State state, @Nullable RunResult result) {

  /** Where a trigger is. */
  public enum State {
    /** Waiting for the debounce window to close or for the current run to end. */
    PENDING,
    /** The run serving it is in progress. */
    RUNNING,
    /** The run serving it has ended; {@link TriggerStatus#result()} tells how. */
    DONE,
    /** The launcher failed before the run could be recorded. */
    FAILED,
    /** The service shut down before the run could start. */
    CANCELLED
  }

  public TriggerStatus {
    Objects.requireNonNull(state, "state");
  }
}
