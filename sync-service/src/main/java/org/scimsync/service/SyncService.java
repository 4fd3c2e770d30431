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
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.ConfigValueException;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.TargetNames;
import org.scimsync.service.internal.ClusteredRuns;
import org.scimsync.service.internal.CronSchedule;
import org.scimsync.service.internal.HttpEndpoints;
import org.scimsync.service.internal.ReplayMemories;
import org.scimsync.service.internal.ReplayMemory;
import org.scimsync.service.internal.RunQueue;
import org.scimsync.service.internal.ServiceQueues;
import org.scimsync.service.internal.TargetQueues;
import org.scimsync.service.ui.RunNotebook;
import org.scimsync.service.ui.StatusPage;
import org.scimsync.service.ui.StatusProbe;
import org.scimsync.service.ui.UiConfig;
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
  private final List<ServiceTarget> targets;
  private final ReadinessProbe readiness;
  private final SyncMetrics metrics;
  private final Clock clock;
  private final RunQueue coordinator;
  private final @Nullable CronSchedule schedule;
  private final List<ClusteredRuns> cluster;
  private final HttpEndpoints endpoints;
  private final @Nullable DirectoryWatch watch;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final RunNotebook notebook = new RunNotebook();
  private final java.util.Map<String, RunResult> lastResults =
      new java.util.concurrent.ConcurrentHashMap<>();
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
    this(settings, launcher, store, webhook, readiness, metrics, clock, Extras.NONE);
  }

  /**
   * What a service may have beside its schedule and webhook.
   *
   * @param cluster the shared PostgreSQL database and this instance's name; null for a service on
   *     its own (the in-memory schedule and webhook memory of the SQLite setup)
   * @param watch the directory's change stream ({@code schedule.watch}): each change it reports is
   *     a {@link Trigger#WATCH} trigger, coalesced into runs like webhook calls, collected for
   *     {@link #WATCH_DEBOUNCE}; null for none
   * @param ui the status page (mounted at {@value StatusPage#PATH} on the same listener); null to
   *     leave it off (404)
   */
  public record Extras(
      @Nullable ClusterSettings cluster,
      @Nullable DirectoryWatch watch,
      @Nullable StatusPageSettings ui) {

    /** None of them. */
    public static final Extras NONE = new Extras(null, null, null);
  }

  /**
   * Sets the service up, alone or in a cluster, with a watch and a status page when {@code extras}
   * has them; nothing listens or runs before {@link #start()}.
   *
   * @throws ServiceException when the cron expression is invalid, or the status page may not listen
   *     where {@code settings} say (beyond loopback without TLS) or its key store cannot be read
   */
  public SyncService(
      ServiceSettings settings,
      RunLauncher launcher,
      StateStore store,
      @Nullable WebhookSignature webhook,
      ReadinessProbe readiness,
      SyncMetrics metrics,
      Clock clock,
      Extras extras) {
    this(
        settings,
        List.of(new ServiceTarget(TargetNames.DEFAULT, launcher, store)),
        webhook,
        readiness,
        metrics,
        clock,
        extras);
  }

  /**
   * Sets the service up for several targets: each has a run queue of its own (see {@link
   * ServiceTarget}); a trigger asks each for a run. In a cluster, each target's runs are a Quartz
   * cluster of their own in the shared tables, so there too no target waits for another.
   *
   * @throws ServiceException when the cron expression is invalid, or the status page may not listen
   *     where {@code settings} say (beyond loopback without TLS) or its key store cannot be read
   */
  public SyncService(
      ServiceSettings settings,
      List<ServiceTarget> targets,
      @Nullable WebhookSignature webhook,
      ReadinessProbe readiness,
      SyncMetrics metrics,
      Clock clock,
      Extras extras) {
    ClusterSettings cluster = extras.cluster();
    StatusPageSettings ui = extras.ui();
    this.watch = extras.watch();
    this.settings = Objects.requireNonNull(settings, "settings");
    this.targets = List.copyOf(targets);
    if (this.targets.isEmpty()) {
      throw new IllegalArgumentException("a service has at least one target");
    }
    this.readiness = Objects.requireNonNull(readiness, "readiness");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    String cron = settings.cron();
    ReplayMemory replays;
    if (cluster == null) {
      this.cluster = List.of();
      this.schedule = cron == null ? null : new CronSchedule(cron, () -> trigger(Trigger.SCHEDULE));
      this.coordinator =
          ServiceQueues.local(this.targets, this::runEnded, clock, settings.fullEvery());
      replays = ReplayMemories.inMemory(clock);
    } else {
      this.schedule = null;
      this.cluster =
          ServiceQueues.clustered(
              this.targets, cluster, cron, this::runEnded, clock, settings.fullEvery());
      this.coordinator = ServiceQueues.of(this.targets, this.cluster);
      replays = ReplayMemories.shared(cluster.dataSource(), clock);
    }
    StateStore store = this.targets.get(0).store();
    try {
      SSLContext tls = ui == null ? null : tlsContext(ui.config(), settings);
      this.endpoints =
          new HttpEndpoints(
              settings.listen(),
              webhook,
              settings.debounce(),
              coordinator,
              replays,
              this.targets,
              metrics,
              this::readinessProblems,
              clock,
              tls);
      if (ui != null) {
        StatusPage page =
            new StatusPage(ui.config(), ui.targets(store), new Probe(), notebook, tls != null);
        endpoints.mount(StatusPage.PATH, page);
        // The run history shows what the page shows: behind the same credentials.
        endpoints.guardRuns(page::authorized, page.challenge());
      }
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
    for (ClusteredRuns queue : cluster) {
      queue.start();
    }
    if (settings.catchUpOnStart()) {
      catchUp();
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

  private static @Nullable SSLContext tlsContext(UiConfig config, ServiceSettings settings) {
    try {
      config.checkListen(settings.listen().getHostString());
    } catch (ConfigValueException e) {
      throw new ServiceException(
          ServiceException.Kind.INVALID_CONFIGURATION, "ui.tls: " + e.getMessage(), e);
    }
    UiConfig.Tls tls = config.tls();
    if (tls == null) {
      return null;
    }
    try {
      return tls.sslContext();
    } catch (ConfigValueException e) {
      throw new ServiceException(
          ServiceException.Kind.INVALID_CONFIGURATION, "ui.tls.keyStore: " + e.getMessage(), e);
    }
  }

  /** What the status page reads of the service, and its way to ask for a run. */
  private final class Probe implements StatusProbe {
    @Override
    public List<String> problems() {
      return readinessProblems();
    }

    @Override
    public Optional<Instant> nextScheduledRun() {
      return schedule == null
          ? Optional.empty()
          : Optional.ofNullable(schedule.nextFireAfter(clock.instant()));
    }

    /** A run of one target (the page checked the name), or of every target when null. */
    @Override
    public Optional<Long> requestRun(@Nullable String target, boolean full) {
      Optional<TriggerReceipt> receipt =
          target != null && coordinator instanceof TargetQueues queues
              ? queues.submit(target, Trigger.UI, full, Set.of(), Duration.ZERO)
              : coordinator.submit(Trigger.UI, full, Set.of(), Duration.ZERO);
      receipt.ifPresent(r -> metrics.recordTrigger(Trigger.UI, r.merged()));
      return receipt.map(TriggerReceipt::triggerId);
    }
  }

  /** Asks for a run of each target owed one at start (of every target, when all are owed). */
  private void catchUp() {
    List<String> owed = ServiceQueues.owedAtStart(targets, settings.cron(), clock);
    if (owed.size() == targets.size()) {
      trigger(Trigger.STARTUP);
    } else if (coordinator instanceof TargetQueues queues) {
      for (String target : owed) {
        queues
            .submit(target, Trigger.STARTUP, false, Set.of(), Duration.ZERO)
            .ifPresent(r -> metrics.recordTrigger(Trigger.STARTUP, r.merged()));
      }
    } else if (!owed.isEmpty()) {
      trigger(Trigger.STARTUP);
    }
  }

  private void runEnded(ServiceTarget target, RunRequest request, @Nullable RunResult result) {
    if (result == null) {
      metrics.recordRunError(target.name(), request.trigger());
      return;
    }
    lastResults.put(target.name(), result);
    if (result.notes() != null && result.runId() > 0) {
      notebook.record(result.runId(), result.notes());
    }
    metrics.recordRun(target.name(), request.trigger(), result);
  }

  private List<String> readinessProblems() {
    List<String> problems = new ArrayList<>(readiness.problems());
    problems.addAll(coordinator.problems());
    if (!coordinator.accepting()) {
      problems.add("shutting down");
    }
    for (ServiceTarget target : targets) {
      RunResult last = lastResults.get(target.name());
      if (last != null && last.unreachable()) {
        problems.add(
            (targets.size() == 1 ? "" : "target " + target.name() + ": ")
                + "the last run ("
                + last.runId()
                + ") could not reach the source or the target");
      }
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
