package org.scimsync.service.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.scimsync.service.Trigger;
import org.scimsync.service.TriggerReceipt;
import org.scimsync.service.TriggerStatus;

/**
 * Where triggers become runs, one at a time: in this process ({@link RunCoordinator}, with the
 * SQLite store) or in the cluster ({@link ClusteredRuns}, on PostgreSQL).
 */
public interface RunQueue {

  /**
   * Asks for a run.
   *
   * @param trigger what asks
   * @param full true to require a full run
   * @param userKeys users to sync (provision on demand); empty for all
   * @param delay how long to wait for more triggers before the run may start (the debounce window)
   * @return the receipt, or empty when the service is shutting down
   */
  Optional<TriggerReceipt> submit(
      Trigger trigger, boolean full, Set<String> userKeys, Duration delay);

  /** What became of a trigger; empty when unknown or long forgotten. */
  Optional<TriggerStatus> status(long triggerId);

  /** True until {@link #stopAccepting()} or {@link #close(Duration)}. */
  boolean accepting();

  /** Refuses new triggers; the run in progress goes on. */
  void stopAccepting();

  /**
   * Refuses new triggers, raises the stop signal for the run in progress and waits up to {@code
   * grace} for it to return.
   *
   * @return true when the run ended within the grace period
   */
  boolean close(Duration grace);

  /** What keeps this instance from doing its share of the work; empty when nothing does. */
  default List<String> problems() {
    return List.of();
  }

  /** What {@code /readyz} shows of the queue besides its problems (the cluster, if any). */
  default Map<String, Object> details() {
    return Map.of();
  }
}
