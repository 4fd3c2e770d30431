package org.scimsync.service.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.service.RunLauncher;
import org.scimsync.service.RunRequest;
import org.scimsync.service.RunResult;
import org.scimsync.service.Trigger;
import org.scimsync.service.TriggerReceipt;
import org.scimsync.service.TriggerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine one run at a time on a single thread. Triggers are merged into one pending run:
 * the first trigger opens it with a due time (now plus its debounce delay), later triggers join it
 * until it starts, so a burst gives one run and a trigger during a run queues exactly one
 * follow-up. A trigger id is handed out at once; the run serving it is known once it has started.
 */
public final class RunCoordinator implements RunQueue, AutoCloseable {

  /** Told when a run has ended, on the run thread. */
  public interface RunListener {
    /**
     * A run ended.
     *
     * @param request what was launched
     * @param result how it ended; null when the launcher threw
     */
    void runEnded(RunRequest request, @Nullable RunResult result);
  }

  private static final Logger LOG = LoggerFactory.getLogger(RunCoordinator.class);
  private static final int REMEMBERED_TRIGGERS = 1_000;

  private final RunLauncher launcher;
  private final RunListener listener;
  private final Clock clock;
  private final @Nullable Duration fullEvery;
  private final ScheduledThreadPoolExecutor runThread;
  private final Object lock = new Object();
  private final Map<Long, TriggerStatus> triggers =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TriggerStatus> eldest) {
          return size() > REMEMBERED_TRIGGERS;
        }
      };
  private @Nullable PendingRun pending;
  private long lastTriggerId;
  private boolean accepting = true;
  private volatile boolean stopRequested;
  private volatile @Nullable Instant lastFullRun;

  /**
   * @param launcher starts one run
   * @param listener told when a run ends (metrics, readiness)
   * @param clock decides when {@code fullEvery} has elapsed
   * @param fullEvery a run is full when this long has passed since the last full run; null leaves
   *     the decision to the engine
   * @param lastFullRun when the last full run known to the state store started, null if never
   */
  public RunCoordinator(
      RunLauncher launcher,
      RunListener listener,
      Clock clock,
      @Nullable Duration fullEvery,
      @Nullable Instant lastFullRun) {
    this.launcher = Objects.requireNonNull(launcher, "launcher");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fullEvery = fullEvery;
    this.lastFullRun = lastFullRun;
    this.runThread =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "scim-sync-run");
              thread.setDaemon(false);
              return thread;
            });
    runThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /**
   * Asks for a run.
   *
   * @param trigger what asks
   * @param full true to require a full run
   * @param userKeys users to sync (provision on demand); empty for all
   * @param delay how long to wait for more triggers before the run may start (the debounce window)
   * @return the receipt, or empty when the service is shutting down
   */
  @Override
  public Optional<TriggerReceipt> submit(
      Trigger trigger, boolean full, Set<String> userKeys, Duration delay) {
    return submit(trigger, full, userKeys, delay, System.nanoTime());
  }

  /**
   * Asks for a run, as {@link #submit(Trigger, boolean, Set, Duration)}, for a trigger that came at
   * {@code now} ({@link System#nanoTime()}): the queues of several targets take one trigger at the
   * same moment, so that their runs share the directory read.
   */
  Optional<TriggerReceipt> submit(
      Trigger trigger, boolean full, Set<String> userKeys, Duration delay, long now) {
    long delayNanos = delay.toNanos();
    synchronized (lock) {
      if (!accepting) {
        return Optional.empty();
      }
      long id = ++lastTriggerId;
      triggers.put(id, new TriggerStatus(id, TriggerStatus.State.PENDING, null));
      boolean merged = pending != null;
      boolean earlier;
      if (pending == null) {
        pending = new PendingRun(id, trigger, full, userKeys, now, delayNanos);
        earlier = true;
      } else {
        earlier = pending.merge(id, full, userKeys, now, delayNanos);
      }
      if (earlier) {
        runThread.schedule(
            this::dispatch,
            Math.max(0, pending.dueAtNanos() - System.nanoTime()),
            TimeUnit.NANOSECONDS);
      }
      LOG.debug(
          "trigger accepted trigger={} id={} merged={} users={}",
          trigger.label(),
          id,
          merged,
          userKeys.size());
      return Optional.of(new TriggerReceipt(id, merged));
    }
  }

  @Override
  public Optional<TriggerStatus> status(long triggerId) {
    synchronized (lock) {
      return Optional.ofNullable(triggers.get(triggerId));
    }
  }

  @Override
  public boolean accepting() {
    synchronized (lock) {
      return accepting;
    }
  }

  /** Refuses new triggers and drops the pending run; the run in progress goes on. */
  @Override
  public void stopAccepting() {
    synchronized (lock) {
      accepting = false;
      if (pending != null) {
        mark(pending.triggerIds(), TriggerStatus.State.CANCELLED, null);
        LOG.info("pending run dropped at shutdown triggers={}", pending.triggerIds().size());
        pending = null;
      }
    }
  }

  /** Runs on the run thread: starts the pending run once it is due. */
  private void dispatch() {
    PendingRun batch;
    synchronized (lock) {
      if (pending == null) {
        return;
      }
      long wait = pending.dueAtNanos() - System.nanoTime();
      if (wait > 0) {
        runThread.schedule(this::dispatch, wait, TimeUnit.NANOSECONDS);
        return;
      }
      batch = pending;
      pending = null;
      mark(batch.triggerIds(), TriggerStatus.State.RUNNING, null);
    }
    Instant startedAt = clock.instant();
    RunRequest request = batch.toRequest(fullDue(startedAt), () -> stopRequested);
    LOG.info(
        "run starting trigger={} full={} users={} triggers={}",
        request.trigger().label(),
        request.forceFull(),
        request.targeted() ? request.userKeys().size() : "all",
        batch.triggerIds().size());
    RunResult result = null;
    try {
      result = launcher.launch(request);
      if (result.full() && result.status() != RunStatus.FAILED) {
        lastFullRun = startedAt;
      }
      LOG.info(
          "run ended run={} status={} exitCode={} changes={} failures={} durationMs={}",
          result.runId(),
          result.status(),
          result.exitCode(),
          result.changes(),
          result.failures(),
          result.duration().toMillis());
    } catch (RuntimeException e) {
      // The run thread is the top of this call chain: report here and keep serving triggers.
      LOG.error("run failed before it could be recorded trigger={}", request.trigger().label(), e);
    }
    synchronized (lock) {
      mark(
          batch.triggerIds(),
          result == null ? TriggerStatus.State.FAILED : TriggerStatus.State.DONE,
          result);
    }
    listener.runEnded(request, result);
  }

  private boolean fullDue(Instant now) {
    Duration every = fullEvery;
    if (every == null) {
      return false;
    }
    Instant last = lastFullRun;
    return last == null || !now.isBefore(last.plus(every));
  }

  private void mark(List<Long> ids, TriggerStatus.State state, @Nullable RunResult result) {
    for (long id : ids) {
      if (triggers.containsKey(id)) {
        triggers.put(id, new TriggerStatus(id, state, result));
      }
    }
  }

  /**
   * Refuses new triggers, drops the pending run, raises the stop signal for the run in progress and
   * waits up to {@code grace} for it to return; after that, interrupts it.
   *
   * @return true when the run thread ended within the grace period
   */
  @Override
  public boolean close(Duration grace) {
    stopAccepting();
    stopRequested = true;
    runThread.shutdown();
    try {
      if (runThread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        return true;
      }
      LOG.warn("run did not stop within graceMs={}; interrupting it", grace.toMillis());
      runThread.shutdownNow();
      runThread.awaitTermination(1, TimeUnit.SECONDS);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      runThread.shutdownNow();
      return false;
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(20));
  }
}
