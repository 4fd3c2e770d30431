package org.scimsync.service.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.state.TargetNames;
import org.scimsync.service.ClusterSettings;
import org.scimsync.service.RunLauncher;
import org.scimsync.service.RunRequest;
import org.scimsync.service.RunResult;
import org.scimsync.service.ServiceException;
import org.scimsync.service.Trigger;
import org.scimsync.service.TriggerReceipt;
import org.scimsync.service.TriggerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of a cluster of instances on one PostgreSQL database, in Quartz's clustered JDBC job
 * store. Every run, scheduled or asked for by a webhook, is a firing of one durable job that Quartz
 * never runs twice at once across the cluster ({@link DisallowConcurrentExecution}) and that
 * requests recovery: the run of an instance that died is fired again by another instance once the
 * dead one misses its check-ins, and the engine's journal repair finishes what it left. The cron
 * trigger is stored once for the cluster, so each slot fires on one instance; a webhook's trigger
 * is stored before the webhook answers, so any instance may run it. Trigger ids and their outcome
 * are shared too ({@link SharedTriggers}).
 */
public final class ClusteredRuns implements RunQueue {

  static final String GROUP = "scim-sync";
  static final JobKey RUN = JobKey.jobKey("run", GROUP);
  static final TriggerKey SCHEDULE = TriggerKey.triggerKey("schedule", GROUP);
  static final TriggerKey STARTUP = TriggerKey.triggerKey("startup", GROUP);

  /** How long a run waits for the state store's lock held elsewhere before it is tried again. */
  static final Duration LOCKED_RETRY = Duration.ofSeconds(2);

  /** How many times a run finding the lock held is tried again. */
  static final int LOCKED_ATTEMPTS = 150;

  private static final Logger LOG = LoggerFactory.getLogger(ClusteredRuns.class);

  private final ClusterSettings cluster;
  private final String target;
  private final String schedulerName;
  private final @Nullable String cron;
  private final RunLauncher launcher;
  private final RunCoordinator.RunListener listener;
  private final Clock clock;
  private final @Nullable Duration fullEvery;
  private final Supplier<@Nullable Instant> lastFullRun;
  private final Scheduler scheduler;
  private final SharedTriggers triggers;
  private volatile boolean accepting = true;
  private volatile boolean stopRequested;

  /**
   * @param cluster the shared database and this instance's name
   * @param cron the Quartz cron expression of {@code schedule.cron}; null for no schedule
   * @param launcher starts one run
   * @param listener told when a run ends (metrics, readiness)
   * @param clock decides when {@code fullEvery} has elapsed
   * @param fullEvery a run is full when this long has passed since the last full run; null leaves
   *     the decision to the engine
   * @param lastFullRun when the last full run started, read from the shared state store
   */
  public ClusteredRuns(
      ClusterSettings cluster,
      @Nullable String cron,
      RunLauncher launcher,
      RunCoordinator.RunListener listener,
      Clock clock,
      @Nullable Duration fullEvery,
      Supplier<@Nullable Instant> lastFullRun) {
    this(TargetNames.DEFAULT, cluster, cron, launcher, listener, clock, fullEvery, lastFullRun);
  }

  /**
   * The runs of one of several targets: a cluster of its own in the same tables (see {@link
   * ClusterScheduler#nameOf}), so that its runs never wait for another target's.
   *
   * @param target the target's name
   */
  public ClusteredRuns(
      String target,
      ClusterSettings cluster,
      @Nullable String cron,
      RunLauncher launcher,
      RunCoordinator.RunListener listener,
      Clock clock,
      @Nullable Duration fullEvery,
      Supplier<@Nullable Instant> lastFullRun) {
    this.target = TargetNames.check(target);
    this.schedulerName = ClusterScheduler.nameOf(target);
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.cron = cron == null ? null : CronSchedule.parse(cron).getCronExpression();
    this.launcher = Objects.requireNonNull(launcher, "launcher");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fullEvery = fullEvery;
    this.lastFullRun = Objects.requireNonNull(lastFullRun, "lastFullRun");
    this.triggers = new SharedTriggers(cluster.dataSource());
    this.scheduler = ClusterScheduler.create(cluster, schedulerName);
    try {
      scheduler.setJobFactory((bundle, owner) -> new RunJob(this));
    } catch (SchedulerException e) {
      throw unavailable("cannot set up the clustered scheduler", e);
    }
  }

  /** Joins the cluster: stores the job and the schedule (once for all), and starts firing. */
  public void start() {
    try {
      scheduler.addJob(
          JobBuilder.newJob(RunJob.class)
              .withIdentity(RUN)
              .withDescription("one scim-sync run")
              .storeDurably()
              .requestRecovery()
              .build(),
          true);
      ClusterScheduler.storeSchedule(scheduler, cron, RUN, SCHEDULE, RunOrder.scheduled());
      triggers.forgetOld();
      scheduler.start();
    } catch (SchedulerException e) {
      throw unavailable("cannot join the cluster", e);
    }
    LOG.info(
        "cluster joined instance={} checkinIntervalMs={} cron=\"{}\"",
        cluster.instanceId(),
        cluster.checkinInterval().toMillis(),
        cron == null ? "" : cron);
  }

  @Override
  public Optional<TriggerReceipt> submit(
      Trigger trigger, boolean full, Set<String> userKeys, Duration delay) {
    return submit(trigger, full, userKeys, delay, clock.instant());
  }

  /**
   * Asks for a run, as {@link #submit(Trigger, boolean, Set, Duration)}, for a trigger that came at
   * {@code at}: the queues of several targets store one trigger with the same fire time, so that
   * the runs it fires on one instance share the directory read.
   */
  Optional<TriggerReceipt> submit(
      Trigger trigger, boolean full, Set<String> userKeys, Duration delay, Instant at) {
    if (!accepting) {
      return Optional.empty();
    }
    long id = triggers.add(trigger);
    TriggerKey key =
        trigger == Trigger.STARTUP ? STARTUP : TriggerKey.triggerKey("trigger-" + id, GROUP);
    JobDataMap data = new RunOrder(trigger, full, userKeys, List.of(id), 1).toJobData();
    try {
      scheduler.scheduleJob(
          TriggerBuilder.newTrigger()
              .withIdentity(key)
              .forJob(RUN)
              .usingJobData(data)
              .startAt(Date.from(at.plus(delay)))
              .build());
    } catch (ObjectAlreadyExistsException e) {
      // the catch-up run at start: another instance has already asked for it
      triggers.mark(List.of(id), TriggerStatus.State.CANCELLED, null);
      return Optional.of(new TriggerReceipt(id, true));
    } catch (SchedulerException e) {
      triggers.mark(List.of(id), TriggerStatus.State.FAILED, null);
      throw unavailable("cannot store the run asked for", e);
    }
    LOG.debug("trigger stored trigger={} id={} users={}", trigger.label(), id, userKeys.size());
    return Optional.of(new TriggerReceipt(id, false));
  }

  @Override
  public Optional<TriggerStatus> status(long triggerId) {
    return triggers.status(triggerId);
  }

  @Override
  public boolean accepting() {
    return accepting;
  }

  @Override
  public void stopAccepting() {
    accepting = false;
  }

  /**
   * Leaves the cluster: no more firings here; the run in progress is asked to stop after its
   * current change and waited for up to {@code grace}. What is stored (the schedule, runs asked for
   * and not started) stays for the other instances.
   */
  @Override
  public boolean close(Duration grace) {
    stopAccepting();
    stopRequested = true;
    Thread shutdown =
        new Thread(
            () -> {
              try {
                scheduler.shutdown(true);
              } catch (SchedulerException e) {
                LOG.warn("the clustered scheduler did not shut down cleanly: {}", e.getMessage());
              }
            },
            "scim-sync-cluster-shutdown");
    shutdown.start();
    try {
      shutdown.join(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !shutdown.isAlive();
  }

  @Override
  public List<String> problems() {
    try {
      if (!scheduler.isStarted() || scheduler.isShutdown() || scheduler.isInStandbyMode()) {
        return List.of("not part of the cluster: this instance's scheduler is not running");
      }
      long last = ClusterScheduler.lastCheckin(cluster, schedulerName);
      if (last < 0) {
        return List.of("not part of the cluster: this instance has not checked in yet");
      }
      long silent = clock.millis() - last;
      if (silent > 2 * cluster.checkinInterval().toMillis()) {
        return List.of(
            "not part of the cluster: last check-in " + silent + " ms ago; others may take over");
      }
      return List.of();
    } catch (SchedulerException | SQLException e) {
      return List.of("not part of the cluster: the shared database is unavailable");
    }
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("instanceId", cluster.instanceId());
    details.put("member", problems().isEmpty());
    try {
      details.put("instances", ClusterScheduler.members(cluster, schedulerName));
    } catch (SQLException e) {
      details.put("instances", null);
    }
    return Map.of("cluster", details);
  }

  /** Runs on Quartz's worker thread: one run of the engine. */
  private void run(JobExecutionContext context) {
    RunOrder order = RunOrder.of(context.getMergedJobDataMap());
    List<Long> ids = order.triggerIds();
    boolean full = order.full() || fullDue();
    if (context.isRecovering()) {
      LOG.warn(
          "run.recovering trigger={} triggers={}: the instance that ran it died; this run"
              + " repairs what it left unfinished",
          order.trigger().label(),
          ids);
    }
    triggers.mark(ids, TriggerStatus.State.RUNNING, null);
    RunRequest request =
        new RunRequest(
            order.trigger(),
            full,
            full ? Set.of() : order.userKeys(),
            () -> stopRequested,
            askedAt(context.getScheduledFireTime()));
    LOG.info(
        "run starting target={} trigger={} full={} users={} instance={}",
        target,
        order.trigger().label(),
        request.forceFull(),
        request.targeted() ? request.userKeys().size() : "all",
        cluster.instanceId());
    RunResult result = null;
    try {
      result = launcher.launch(request);
      LOG.info(
          "run ended run={} status={} exitCode={} changes={} failures={} durationMs={}",
          result.runId(),
          result.status(),
          result.exitCode(),
          result.changes(),
          result.failures(),
          result.duration().toMillis());
    } catch (SyncException e) {
      if (e.kind() == ErrorKind.LOCKED && retryLater(order)) {
        return;
      }
      LOG.error("run failed before it could be recorded trigger={}", order.trigger().label(), e);
    } catch (RuntimeException e) {
      // Quartz's worker is the top of this call chain: report here and keep serving triggers.
      LOG.error("run failed before it could be recorded trigger={}", order.trigger().label(), e);
    }
    triggers.mark(
        ids, result == null ? TriggerStatus.State.FAILED : TriggerStatus.State.DONE, result);
    listener.runEnded(request, result);
  }

  /**
   * When the run was asked for, on {@link System#nanoTime()}'s scale: its trigger's fire time, so
   * that the runs of several targets fired by one slot or webhook share the directory read.
   */
  private long askedAt(@Nullable Date fired) {
    long now = System.nanoTime();
    if (fired == null) {
      return now;
    }
    long ago = Math.max(0, clock.millis() - fired.getTime());
    return now - Duration.ofMillis(ago).toNanos();
  }

  /**
   * Another run holds the state store's lock (a {@code scim-sync sync} by hand, or the session of
   * an instance that just died and is not closed yet): the run is stored again a little later.
   */
  private boolean retryLater(RunOrder order) {
    if (order.attempt() >= LOCKED_ATTEMPTS || stopRequested) {
      return false;
    }
    try {
      scheduler.scheduleJob(
          TriggerBuilder.newTrigger()
              .withIdentity(TriggerKey.triggerKey("retry-" + UUID.randomUUID(), GROUP))
              .forJob(RUN)
              .usingJobData(order.again().toJobData())
              .startAt(Date.from(clock.instant().plus(LOCKED_RETRY)))
              .build());
      triggers.mark(order.triggerIds(), TriggerStatus.State.PENDING, null);
      LOG.info(
          "run postponed: the state store is locked by another run attempt={}", order.attempt());
      return true;
    } catch (SchedulerException e) {
      LOG.warn("cannot store the postponed run: {}", e.getMessage());
      return false;
    }
  }

  private boolean fullDue() {
    Duration every = fullEvery;
    if (every == null) {
      return false;
    }
    Instant last = lastFullRun.get();
    return last == null || !clock.instant().isBefore(last.plus(every));
  }

  private static ServiceException unavailable(String what, SchedulerException e) {
    return new ServiceException(ServiceException.Kind.UNAVAILABLE, what + ": " + e.getMessage(), e);
  }

  /** The Quartz job; Quartz never runs it twice at once in the cluster. */
  @DisallowConcurrentExecution
  public static final class RunJob implements Job {
    private final ClusteredRuns runs;

    RunJob(ClusteredRuns runs) {
      this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
      runs.run(context);
    }
  }
}
