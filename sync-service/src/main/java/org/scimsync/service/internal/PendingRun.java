package org.scimsync.service.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.scimsync.service.RunRequest;
import org.scimsync.service.StopSignal;
import org.scimsync.service.Trigger;

/**
 * The one run waiting to start, into which every trigger that arrives before it starts is merged.
 * Not thread-safe: the coordinator guards it with its lock.
 *
 * <p>Timing: a trigger with a debounce delay keeps the run waiting until no trigger has arrived for
 * that long (a quiet period), but never longer than {@link #MAX_WAIT_FACTOR} times the delay after
 * the first trigger, so a steady stream cannot starve it. A trigger without delay (the schedule)
 * makes the run due at once.
 *
 * <p>Merge rules: a full request makes the run full; a request for every user (no keys) makes it a
 * run for every user; otherwise the user keys are united, up to {@link #MAX_TARGETED_KEYS}, beyond
 * which it becomes a run for every user (cheaper than thousands of targeted lookups).
 */
final class PendingRun {

  /** Beyond this many distinct user keys a targeted run becomes a run for every user. */
  static final int MAX_TARGETED_KEYS = 10_000;

  /** A run waits at most this many debounce delays after its first trigger. */
  static final int MAX_WAIT_FACTOR = 10;

  private final Trigger trigger;
  private final long firstNanos;
  private long lastNanos;
  private boolean immediate;
  private final List<Long> triggerIds = new ArrayList<>();
  private final Set<String> userKeys = new LinkedHashSet<>();
  private boolean full;
  private boolean allUsers;
  private long dueAtNanos;

  /**
   * Opens a pending run.
   *
   * @param nowNanos {@link System#nanoTime()} at the trigger
   * @param delayNanos the trigger's debounce delay; 0 for at once
   */
  PendingRun(
      long triggerId,
      Trigger trigger,
      boolean full,
      Set<String> userKeys,
      long nowNanos,
      long delayNanos) {
    this.trigger = trigger;
    this.firstNanos = nowNanos;
    this.dueAtNanos = nowNanos + delayNanos;
    merge(triggerId, full, userKeys, nowNanos, delayNanos);
  }

  /**
   * Merges one more trigger.
   *
   * @return true when the run became due earlier than before
   */
  boolean merge(
      long triggerId, boolean fullRequested, Set<String> keys, long nowNanos, long delayNanos) {
    triggerIds.add(triggerId);
    lastNanos = nowNanos;
    full |= fullRequested;
    if (keys.isEmpty()) {
      allUsers = true;
    } else if (!allUsers) {
      userKeys.addAll(keys);
      if (userKeys.size() > MAX_TARGETED_KEYS) {
        allUsers = true;
      }
    }
    if (allUsers || full) {
      userKeys.clear();
    }
    long previous = dueAtNanos;
    if (delayNanos <= 0) {
      immediate = true;
    }
    if (immediate) {
      dueAtNanos = Math.min(previous, nowNanos);
    } else {
      long quietUntil = nowNanos + delayNanos;
      long latest = firstNanos + MAX_WAIT_FACTOR * delayNanos;
      dueAtNanos = Math.max(previous, Math.min(quietUntil, latest));
    }
    return dueAtNanos - previous < 0;
  }

  long dueAtNanos() {
    return dueAtNanos;
  }

  List<Long> triggerIds() {
    return List.copyOf(triggerIds);
  }

  /**
   * The request to launch.
   *
   * @param fullDue true when {@code schedule.fullEvery} has elapsed since the last full run
   */
  RunRequest toRequest(boolean fullDue, StopSignal stop) {
    boolean runFull = full || fullDue;
    return new RunRequest(
        trigger, runFull, runFull || allUsers ? Set.of() : userKeys, stop, lastNanos);
  }
}
