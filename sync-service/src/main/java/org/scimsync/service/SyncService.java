package org.scimsync.service;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.StateStore;
import org.scimsync.service.internal.CronSchedule;
import org.scimsync.service.internal.HttpEndpoints;
import org.scimsync.service.internal.RunCoordinator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code scim-sync serve}: the schedule, the webhook, the directory watch ({@code schedule.watch}),
 * and the health, metrics and run-history endpoints around one {@link RunLauncher}, never running
 * two runs at once.
 *
 * <p>Use: build it, {@link #start()}, register a shutdown hook calling {@link #close()}, then
 * {@link #awaitClosed()}. {@code close()} stops accepting triggers (the webhook answers 503), stops
 * the schedule, drops the pending run, raises {@link RunRequest#stop()} so the engine stops after
 * the change in flight, waits up to {@link ServiceSettings#shutdownGrace()} for the run, and then
 * stops the HTTP server.
 */
public final class SyncService implements AutoCloseable {

  /**
   * How long directory-watch triggers are collected into one run: the watch has coalesced a burst
   * already, so this only joins what arrives just after, and a change reaches the target within
   * seconds.
   */
  public static final Duration WATCH_DEBOUNCE = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

  private final ServiceSettings settings;
  private final StateStore store;
  private final ReadinessProbe readiness;
  private final SyncMetrics metrics;
  private final Clock clock;
  private final RunCoordinator coordinator;
  private final @Nullable CronSchedule schedule;
  private final HttpEndpoints endpoints;
  private final @Nullable DirectoryWatch watch;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile @Nullable RunResult lastResult;
  private boolean started;
  private boolean closing;

  /**
   * Sets the service up; nothing listens or runs before {@link #start()}.
   *
   * @param settings schedule, listen address and timings
   * @param launcher starts one run of the engine
   * @param store the run history for {@code /runs} and the last full run
   * @param webhook verifies webhook signatures; null leaves the webhook off
   * @param readiness the composition root's readiness checks
   * @param metrics where runs and webhook calls are counted
   * @param clock the time for timestamps and {@code fullEvery}
   * @throws ServiceException when the cron expression is invalid
   */
  public SyncService(
      ServiceSettings settings,
      RunLauncher launcher,
      StateStore store,
      @Nullable WebhookSignature webhook,
      ReadinessProbe readiness,
      SyncMetrics metrics,
      Clock clock) {
    this(settings, launcher, store, webhook, null, readiness, metrics, clock);
  }

  /**
   * Sets the service up with a directory watch ({@code schedule.watch}): each change it reports is
   * a {@link Trigger#WATCH} trigger, coalesced into runs like webhook calls, collected for {@link
   * #WATCH_DEBOUNCE}.
   *
   * @param watch the directory's change stream; null for none
   */
  public SyncService(
      ServiceSettings settings,
      RunLauncher launcher,
      StateStore store,
      @Nullable WebhookSignature webhook,
      @Nullable DirectoryWatch watch,
      ReadinessProbe readiness,
      SyncMetrics metrics,
      Clock clock) {
    this.watch = watch;
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(launcher, "launcher");
    this.store = Objects.requireNonNull(store, "store");
    this.readiness = Objects.requireNonNull(readiness, "readiness");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    String cron = settings.cron();
    this.schedule = cron == null ? null : new CronSchedule(cron, () -> trigger(Trigger.SCHEDULE));
    this.coordinator =
        new RunCoordinator(
            launcher, this::runEnded, clock, settings.fullEvery(), lastFullRun(store));
    try {
      this.endpoints =
          new HttpEndpoints(
              settings.listen(),
              webhook,
              settings.debounce(),
              coordinator,
              store,
              metrics,
              this::readinessProblems,
              clock);
    } catch (RuntimeException e) {
      if (schedule != null) {
        schedule.close();
      }
      coordinator.close(Duration.ZERO);
      throw e;
    }
  }

  /**
   * Binds the listen address, starts answering HTTP, the schedule, and the catch-up run when one is
   * owed.
   *
   * @throws ServiceException when the address cannot be bound or the scheduler cannot start
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    endpoints.start();
    if (schedule != null) {
      schedule.start();
    }
    if (settings.catchUpOnStart() && catchUpOwed()) {
      trigger(Trigger.STARTUP);
    }
    if (watch != null) {
      watch.start(this::directoryChanged);
    }
  }

  /** The watched directory changed: a run, through the same coalescing path as the webhook. */
  private void directoryChanged() {
    Optional<TriggerReceipt> receipt =
        coordinator.submit(Trigger.WATCH, false, Set.of(), WATCH_DEBOUNCE);
    receipt.ifPresent(r -> metrics.recordTrigger(Trigger.WATCH, r.merged()));
  }

  /** Where the HTTP endpoints listen: after {@link #start()}, the actual port for port 0. */
  public InetSocketAddress address() {
    return endpoints.address();
  }

  /**
   * Asks for a run of every user now (no debounce), as the schedule does.
   *
   * @return the receipt, or empty when the service is shutting down
   */
  public Optional<TriggerReceipt> trigger(Trigger trigger) {
    Optional<TriggerReceipt> receipt = coordinator.submit(trigger, false, Set.of(), Duration.ZERO);
    receipt.ifPresent(r -> metrics.recordTrigger(trigger, r.merged()));
    return receipt;
  }

  /** What became of a trigger; empty when unknown or forgotten. */
  public Optional<TriggerStatus> triggerStatus(long triggerId) {
    return coordinator.status(triggerId);
  }

  private boolean catchUpOwed() {
    List<RunRecord> last = store.recentRuns(1);
    if (last.isEmpty()) {
      LOG.info("no run in the history; running once at start");
      return true;
    }
    Instant lastStart = last.get(0).start().startedAt();
    if (schedule != null && schedule.slotMissedSince(lastStart, clock.instant())) {
      LOG.info("a scheduled run was missed since lastRun={}; running once at start", lastStart);
      return true;
    }
    return false;
  }

  private static @Nullable Instant lastFullRun(StateStore store) {
    return store.recentRuns(200).stream()
        .filter(run -> run.start().full() && !run.start().dryRun())
        .filter(run -> run.summary() != null)
        .map(run -> run.start().startedAt())
        .findFirst()
        .orElse(null);
  }

  private void runEnded(RunRequest request, @Nullable RunResult result) {
    if (result == null) {
      metrics.recordRunError(request.trigger());
      return;
    }
    lastResult = result;
    metrics.recordRun(request.trigger(), result);
  }

  private List<String> readinessProblems() {
    List<String> problems = new ArrayList<>(readiness.problems());
    if (!coordinator.accepting()) {
      problems.add("shutting down");
    }
    RunResult last = lastResult;
    if (last != null && last.unreachable()) {
      problems.add("the last run (" + last.runId() + ") could not reach the source or the target");
    }
    return List.copyOf(problems);
  }

  /**
   * Stops the service; see the class description. Returns once the run in progress has stopped (or
   * the grace period has passed) and the HTTP server is down. Safe to call more than once.
   */
  @Override
  public void close() {
    boolean alreadyClosing;
    synchronized (this) {
      alreadyClosing = closing;
      closing = true;
    }
    if (alreadyClosing) {
      awaitClosedUninterruptibly();
      return;
    }
    LOG.info("shutting down: no more triggers; waiting for the run in progress");
    coordinator.stopAccepting();
    if (watch != null) {
      watch.close();
    }
    if (schedule != null) {
      schedule.close();
    }
    boolean stopped = coordinator.close(settings.shutdownGrace());
    endpoints.close();
    closed.countDown();
    LOG.info("shut down runStoppedInTime={}", stopped);
  }

  private void awaitClosedUninterruptibly() {
    boolean interrupted = false;
    while (true) {
      try {
        closed.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }
}
