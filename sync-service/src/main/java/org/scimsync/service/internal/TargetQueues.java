package org.scimsync.service.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.scimsync.service.RunResult;
import org.scimsync.service.Trigger;
import org.scimsync.service.TriggerReceipt;
import org.scimsync.service.TriggerStatus;

/**
 * The run queues of several targets behind one {@link RunQueue}: a trigger goes to every target's
 * queue (or to one, named), each target runs on its own thread, coalescing its own triggers, so a
 * target that is slow, throttled, failing or stopped by its safety guard never delays another. A
 * trigger id stands for the runs of every target it went to.
 *
 * <p>{@link #status} of a trigger: pending while a target's run for it has not started, running
 * while one is in progress, then failed if a target's launcher failed, cancelled if every run was
 * dropped at shutdown, else done — with the result of the target whose run ended worst (see {@link
 * RunResult#exitCode()}).
 */
public final class TargetQueues implements RunQueue {

  private static final int REMEMBERED_TRIGGERS = 1_000;

  private final Map<String, RunQueue> queues;
  private final Object lock = new Object();
  private final Map<Long, Map<String, Long>> triggers =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<String, Long>> eldest) {
          return size() > REMEMBERED_TRIGGERS;
        }
      };
  private long lastTriggerId;

  /**
   * @param queues each target's queue, by target name
   */
  public TargetQueues(Map<String, ? extends RunQueue> queues) {
    if (queues.isEmpty()) {
      throw new IllegalArgumentException("no target");
    }
    this.queues = Map.copyOf(queues);
  }

  @Override
  public Optional<TriggerReceipt> submit(
      Trigger trigger, boolean full, Set<String> userKeys, Duration delay) {
    return submit(null, trigger, full, userKeys, delay);
  }

  /**
   * Asks one target, or every target, for a run.
   *
   * @param target the target's name; null for every target
   * @return the receipt, or empty when the service is shutting down
   * @throws IllegalArgumentException when no target has that name
   */
  public Optional<TriggerReceipt> submit(
      @Nullable String target,
      Trigger trigger,
      boolean full,
      Set<String> userKeys,
      Duration delay) {
    Map<String, RunQueue> chosen = chosen(target);
    long now = System.nanoTime();
    Instant at = Instant.now();
    synchronized (lock) {
      Map<String, Long> ids = new LinkedHashMap<>();
      boolean merged = true;
      for (Map.Entry<String, RunQueue> queue : chosen.entrySet()) {
        Optional<TriggerReceipt> receipt =
            submit(queue.getValue(), trigger, full, userKeys, delay, now, at);
        if (receipt.isPresent()) {
          ids.put(queue.getKey(), receipt.get().triggerId());
          merged &= receipt.get().merged();
        }
      }
      if (ids.isEmpty()) {
        return Optional.empty();
      }
      long id = ++lastTriggerId;
      triggers.put(id, ids);
      return Optional.of(new TriggerReceipt(id, merged));
    }
  }

  /** One queue's part of a trigger, at the moment every queue takes it. */
  private static Optional<TriggerReceipt> submit(
      RunQueue queue,
      Trigger trigger,
      boolean full,
      Set<String> userKeys,
      Duration delay,
      long nowNanos,
      Instant at) {
    if (queue instanceof RunCoordinator local) {
      return local.submit(trigger, full, userKeys, delay, nowNanos);
    }
    if (queue instanceof ClusteredRuns clustered) {
      return clustered.submit(trigger, full, userKeys, delay, at);
    }
    return queue.submit(trigger, full, userKeys, delay);
  }

  private Map<String, RunQueue> chosen(@Nullable String target) {
    if (target == null) {
      return new java.util.TreeMap<>(queues);
    }
    RunQueue queue = queues.get(target);
    if (queue == null) {
      throw new IllegalArgumentException("no target named " + target);
    }
    return Map.of(target, queue);
  }

  /** The names of the targets, sorted. */
  public List<String> targets() {
    return queues.keySet().stream().sorted().toList();
  }

  @Override
  public Optional<TriggerStatus> status(long triggerId) {
    Map<String, Long> ids;
    synchronized (lock) {
      ids = triggers.get(triggerId);
    }
    if (ids == null) {
      return Optional.empty();
    }
    List<TriggerStatus> statuses = new ArrayList<>();
    ids.forEach((target, id) -> queues.get(target).status(id).ifPresent(statuses::add));
    if (statuses.size() < ids.size()) {
      return Optional.empty();
    }
    return Optional.of(new TriggerStatus(triggerId, state(statuses), worst(statuses)));
  }

  private static TriggerStatus.State state(List<TriggerStatus> statuses) {
    for (TriggerStatus.State state :
        List.of(
            TriggerStatus.State.PENDING, TriggerStatus.State.RUNNING, TriggerStatus.State.FAILED)) {
      if (statuses.stream().anyMatch(s -> s.state() == state)) {
        return state;
      }
    }
    return statuses.stream().allMatch(s -> s.state() == TriggerStatus.State.CANCELLED)
        ? TriggerStatus.State.CANCELLED
        : TriggerStatus.State.DONE;
  }

  private static @Nullable RunResult worst(List<TriggerStatus> statuses) {
    RunResult worst = null;
    for (TriggerStatus status : statuses) {
      RunResult result = status.result();
      if (result != null && (worst == null || severity(result) > severity(worst))) {
        worst = result;
      }
    }
    return worst;
  }

  /** Unreachable, then guard stop, then partial, then success (as the exit codes rank them). */
  private static int severity(RunResult result) {
    return switch (result.exitCode()) {
      case 4 -> 4;
      case 3 -> 3;
      case 1 -> 2;
      case 0 -> 0;
      default -> 5;
    };
  }

  @Override
  public boolean accepting() {
    return queues.values().stream().anyMatch(RunQueue::accepting);
  }

  @Override
  public void stopAccepting() {
    queues.values().forEach(RunQueue::stopAccepting);
  }

  /** Closes every target's queue at once: each run gets the whole grace period. */
  @Override
  public boolean close(Duration grace) {
    List<CompletableFuture<Boolean>> closing =
        queues.values().stream()
            .map(queue -> CompletableFuture.supplyAsync(() -> queue.close(grace)))
            .toList();
    boolean all = true;
    for (CompletableFuture<Boolean> each : closing) {
      all &= each.join();
    }
    return all;
  }

  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (String target : targets()) {
      queues.get(target).problems().forEach(p -> problems.add("target " + target + ": " + p));
    }
    return List.copyOf(problems);
  }

  /** The cluster this instance is a member of (every target's queue is on the same instance). */
  @Override
  public Map<String, Object> details() {
    return queues.get(targets().get(0)).details();
  }

  @Override
  public String toString() {
    return "TargetQueues" + targets();
  }
}
