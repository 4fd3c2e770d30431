package org.scimsync.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.apply.ExecutionResult;
import org.scimsync.engine.apply.Executor;
import org.scimsync.engine.apply.JournalRepair;
import org.scimsync.engine.concurrent.RunStoppedException;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.ResourceMapper;
import org.scimsync.engine.plan.SafetyVerdict;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.engine.state.SteadyState;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync from a directory to a SCIM target: read the source, map, observe the target, plan, check
 * safety, apply, record. The engine holds no state between runs besides its ports; one instance can
 * run many times (the service does), one run at a time per state store.
 */
public final class SyncEngine {

  private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

  private final DirectorySource source;
  private final ResourceMapper mapper;
  private final ScimTarget target;
  private final StateStore store;
  private final SyncPolicy policy;
  private final Clock clock;
  private final SteadyRuns steadyRuns;

  public SyncEngine(
      DirectorySource source,
      ResourceMapper mapper,
      ScimTarget target,
      StateStore store,
      SyncPolicy policy,
      Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.target = Objects.requireNonNull(target, "target");
    this.store = Objects.requireNonNull(store, "store");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.steadyRuns = new SteadyRuns(source, mapper, store, policy, clock);
  }

  /**
   * Computes the plan without writing anything to the target or the state store.
   *
   * @throws SyncException when the source or the target cannot be read
   */
  public Plan plan(SyncOptions options) {
    adaptTarget();
    try (Preparation preparation = prepare(options, options.full())) {
      StoredState stored = store.load();
      return preparation.plan(stored, isFull(options, stored));
    } catch (RunStoppedException e) {
      throw new SyncException(
          ErrorKind.UNAVAILABLE,
          Executor.STOPPED_BY_SHUTDOWN + " before the plan was complete (" + e.getMessage() + ")",
          e);
    }
  }

  /**
   * Runs a sync: plan, safety, apply, record. A dry run only plans and is not recorded.
   *
   * @throws SyncException when the run cannot start or the source or target cannot be read; the
   *     failure is recorded in the run history
   */
  public RunReport run(SyncOptions options) {
    if (options.dryRun()) {
      Instant started = clock.instant();
      Plan plan = plan(options);
      return dryRunReport(options, plan, started);
    }
    return locked(options, null);
  }

  /**
   * Applies a saved plan if the directory, the target and the state still match the fingerprints it
   * was computed from.
   *
   * @throws SyncException of kind {@link ErrorKind#SAFETY_STOP} when something changed since
   */
  public RunReport apply(Plan savedPlan, SyncOptions options) {
    Objects.requireNonNull(savedPlan, "savedPlan");
    if (options.dryRun()) {
      Instant started = clock.instant();
      Plan fresh = plan(options.withFull(savedPlan.full()));
      checkFresh(savedPlan, fresh);
      return dryRunReport(options, savedPlan, started);
    }
    return locked(options.withFull(savedPlan.full()), savedPlan);
  }

  private RunReport locked(SyncOptions options, @Nullable Plan savedPlan) {
    RunLock lock;
    try {
      lock = store.lock();
    } catch (StateLockedException e) {
      throw new SyncException(ErrorKind.LOCKED, e.getMessage(), e);
    }
    try (lock) {
      return runLocked(options, savedPlan);
    }
  }

  private RunReport runLocked(SyncOptions options, @Nullable Plan savedPlan) {
    Instant started = clock.instant();
    List<String> repairs;
    try {
      repairs = new JournalRepair(target, store, clock).repair();
    } catch (TargetException e) {
      throw new SyncException(
          ErrorKind.UNAVAILABLE,
          "cannot repair the changes a previous run left unfinished: " + e.getMessage(),
          e);
    }
    Optional<SteadyState> steady = store.steadyState();
    if (steady.isPresent()) {
      if (repairs.isEmpty() && savedPlan == null && steadyRuns.isUnchanged(options, steady.get())) {
        return steadyRuns.spare(options, steady.get(), started);
      }
      // Forgotten before this run may write: a later run could otherwise rely on a state this
      // run changed. When the store cannot forget it, the run does not go on.
      store.forgetSteadyState();
    }
    adaptTarget();
    StoredState stored;
    long runId;
    boolean full;
    @Nullable Plan plan;
    @Nullable String sourceVersion;
    int failedLookups = 0;
    // The directory is read (and, when the run is known to be full, the target listed) while the
    // state store loads; the preparation is closed before applying, so that what was listed can be
    // collected.
    try (Preparation preparation =
        prepare(options, savedPlan != null ? savedPlan.full() : options.full())) {
      stored = store.load();
      full = savedPlan != null ? savedPlan.full() : isFull(options, stored);
      if (full) {
        preparation.listTarget();
      }
      runId = store.beginRun(new RunStart(options.trigger(), full, false, started));
      LOG.info("run started run={} trigger={} full={}", runId, options.trigger(), full);
      try {
        plan = preparation.plan(stored, full);
        sourceVersion = preparation.sourceVersion();
        failedLookups = preparation.failedLookups();
        preparation.rememberMappings();
        if (savedPlan != null) {
          checkFresh(savedPlan, plan);
          plan = savedPlan.withSafety(plan.safety());
        }
      } catch (SyncException e) {
        store.finishRun(
            runId, new RunSummary(RunStatus.FAILED, 0, 0, 0, clock.instant(), e.getMessage()));
        throw e;
      } catch (RunStoppedException e) {
        // Stopped while still reading: nothing was applied, recorded like a run whose changes
        // were all skipped by the stop signal.
        LOG.info(
            "run stopped before its plan was complete run={} reason={}", runId, e.getMessage());
        plan = null;
        sourceVersion = null;
      }
    }
    if (plan == null) {
      return finish(
          runId,
          options,
          Plan.empty(full),
          new ExecutionResult(List.of(), null, 0, true),
          0,
          started,
          clock.instant());
    }
    boolean repaired = !repairs.isEmpty();
    if (repaired) {
      plan = plan.withMoreWarnings(repairs);
    }
    Instant planned = clock.instant();
    SafetyVerdict verdict = plan.safety();
    ExecutionResult result;
    options.progress().onPlanned(plan.changes().size());
    if (verdict.allowsConstructive()) {
      result =
          new Executor(target, store, clock, policy.parallelism(), policy.maxConsecutiveRefusals())
              .execute(
                  runId,
                  plan.changes(),
                  stored,
                  verdict.allowsDestructive(),
                  options.stopRequested(),
                  options.progress());
      recordStateOnly(plan);
    } else {
      result = ExecutionResult.skippedAll(plan.changes(), verdict.message());
      result.results().forEach(options.progress()::onChangeFinished);
    }
    RunReport report = finish(runId, options, plan, result, failedLookups, started, planned);
    rememberWhatTheTargetTaught();
    steadyRuns.recordIfSteady(runId, options, plan, report.status(), repaired, sourceVersion);
    return report;
  }

  /** Lets the target read what it says of itself and what earlier runs learned of it. */
  private void adaptTarget() {
    try {
      target.adapt(store.targetCapabilities());
    } catch (TargetException e) {
      ErrorKind kind =
          e.kind() == TargetException.Kind.BAD_REQUEST
              ? ErrorKind.INVALID_INPUT
              : ErrorKind.UNAVAILABLE;
      throw new SyncException(
          kind, "cannot read what the target says of itself: " + e.getMessage(), e);
    }
  }

  /**
   * Keeps what the target's answers taught for the next run; a failure to keep it is no failure.
   */
  private void rememberWhatTheTargetTaught() {
    Map<String, String> learned = target.learned();
    if (learned.isEmpty() || learned.equals(store.targetCapabilities())) {
      return;
    }
    try {
      store.saveTargetCapabilities(learned);
      LOG.info("target capabilities learned {}", learned);
    } catch (StateStoreException e) {
      LOG.warn(
          "what was learned of the target could not be kept; the next run learns it again: {}",
          e.getMessage());
    }
  }

  private RunReport finish(
      long runId,
      SyncOptions options,
      Plan plan,
      ExecutionResult result,
      int failedLookups,
      Instant started,
      Instant planned) {
    int applied = result.count(ChangeOutcome.Result.APPLIED);
    int failed = result.count(ChangeOutcome.Result.FAILED);
    int skipped = result.count(ChangeOutcome.Result.SKIPPED);
    RunOutcome outcome = RunOutcome.of(result, plan.safety(), failedLookups);
    RunStatus status = outcome.status();
    String message = outcome.message();
    Instant finished = clock.instant();
    store.finishRun(
        runId, new RunSummary(status, plan.changes().size(), applied, failed, finished, message));
    LOG.info(
        "run finished run={} status={} applied={} failed={} skipped={}",
        runId,
        status,
        applied,
        failed,
        skipped);
    return new RunReport(
        runId,
        options.trigger(),
        status,
        false,
        plan,
        result.results(),
        applied,
        failed,
        skipped,
        started,
        Duration.between(started, planned),
        Duration.between(planned, finished),
        message);
  }

  private void recordStateOnly(Plan plan) {
    plan.linkUpdates()
        .forEach(
            u -> {
              if (u.replacesKey() != null) {
                store.deleteLink(u.kind(), u.replacesKey());
              }
              store.saveLink(
                  new Link(
                      u.kind(),
                      u.sourceKey(),
                      u.targetId(),
                      u.contentHash(),
                      false,
                      clock.instant()));
            });
    plan.linkDrops().forEach(d -> store.deleteLink(d.kind(), d.sourceKey()));
  }

  private Preparation prepare(SyncOptions options, boolean fullKnown) {
    return Preparation.start(source, mapper, target, store, policy, options, fullKnown);
  }

  private boolean isFull(SyncOptions options, StoredState stored) {
    if (options.full()) {
      return true;
    }
    if (!options.onlyUserKeys().isEmpty()) {
      return false;
    }
    return steadyRuns.isFullDue(stored.lastFullRun());
  }

  private static void checkFresh(Plan saved, Plan fresh) {
    List<String> changed = fresh.fingerprints().changedSince(saved.fingerprints());
    if (!changed.isEmpty()) {
      throw new SyncException(
          ErrorKind.SAFETY_STOP,
          "the saved plan is stale: "
              + String.join(", ", changed)
              + " changed since it was computed; plan again");
    }
  }

  private RunReport dryRunReport(SyncOptions options, Plan plan, Instant started) {
    SafetyVerdict verdict = plan.safety();
    RunStatus status = verdict.isPassed() ? RunStatus.SUCCEEDED : RunStatus.STOPPED_BY_GUARD;
    return new RunReport(
        0,
        options.trigger(),
        status,
        true,
        plan,
        List.of(),
        0,
        0,
        0,
        started,
        Duration.between(started, clock.instant()),
        Duration.ZERO,
        verdict.isPassed() ? null : verdict.message());
  }
}
