package org.scimsync.service.ui;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What the status page learns from the service around it, and how it asks for a run. */
public interface StatusProbe {

  /** The readiness problems; empty when the service is healthy. */
  List<String> problems();

  /** When the schedule fires next; empty without a schedule. */
  Optional<Instant> nextScheduledRun();

  /**
   * Asks for a run through the same path as the webhook (coalesced with pending triggers, never
   * overlapping the run in progress).
   *
   * @param target the name of the target to run, one of the page's {@link PageTarget}s (the page
   *     checks it); null for every target
   * @param full true for a full run (the target is re-read)
   * @return the trigger id, or empty when the service is shutting down
   */
  Optional<Long> requestRun(@Nullable String target, boolean full);
}
