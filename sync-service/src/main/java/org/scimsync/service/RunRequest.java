package org.scimsync.service;

import java.util.Objects;
import java.util.Set;

/**
 * What the service asks the engine to run.
 *
 * <p>{@code forceFull} is true when {@code schedule.fullEvery} has elapsed since the last full run
 * the service knows of; the engine may still choose a full run on its own (its own {@code
 * lastFullRun} check), so the flag is a floor, never a veto. {@code userKeys} are source keys asked
 * for by a webhook (provision on demand): when not empty, the engine syncs just those users; empty
 * means every user. A full run always covers every user, so {@code forceFull} implies empty {@code
 * userKeys}.
 *
 * @param trigger what asked for the run (the first trigger of a coalesced batch)
 * @param forceFull true when the run must re-read the target
 * @param userKeys source keys of the users to sync; empty for all
 * @param stop raised when the service shuts down; the engine polls it between changes
 * @param askedAtNanos when the last trigger of the batch came, on {@link System#nanoTime()}'s
 *     scale: a directory read started since then serves the run (targets asked for by the same
 *     trigger share one read)
 */
public record RunRequest(
    Trigger trigger, boolean forceFull, Set<String> userKeys, StopSignal stop, long askedAtNanos) {

  /** A request asked for now. */
  public RunRequest(Trigger trigger, boolean forceFull, Set<String> userKeys, StopSignal stop) {
    this(trigger, forceFull, userKeys, stop, System.nanoTime());
  }

  public RunRequest {
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(stop, "stop");
    userKeys = Set.copyOf(userKeys);
    if (forceFull && !userKeys.isEmpty()) {
      throw new IllegalArgumentException("a full run covers every user; userKeys must be empty");
    }
  }

  /** True when the request names particular users rather than all of them. */
  public boolean targeted() {
    return !userKeys.isEmpty();
  }
}
