package org.scimsync.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.apply.ExecutionResult;
import org.scimsync.engine.apply.Executor;
import org.scimsync.engine.apply.JournalRepair;
import org.scimsync.engine.cache.RunCaches;
import org.scimsync.engine.cache.WriteClearance;
import org.scimsync.engine.concurrent.RunStoppedException;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.Planner;
import org.scimsync.engine.plan.ResourceMapper;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.safety.SafetyGuards;
import org.scimsync.engine.source.ChangeTracking;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SourceChanges;
import org.scimsync.engine.state.MappingMemo;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run, stage after stage, as DESIGN.md draws it: <b>read → map → observe → plan → guard → apply
 * → record</b>. Each stage is one class with one entry point, called once, in that order, with the
 * values it needs: {@link DirectoryRead} (read and map, on a thread of its own while the state
 * loads), {@link TargetObservation}, {@link Planner}, {@link SafetyGuards}, {@link
 * ChangeApplication}, {@link RunRecording}. The run's options stay here; results flow back once.
 *
 * <p>Before the stages, a run repairs what an earlier run left unfinished, and may be spared
 * altogether by the steady state ({@link SteadyRuns}); the caches' rules are {@link RunCaches}'.
 */
final class RunPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(RunPipeline.class);

  private final DirectorySource source;
  private final ResourceMapper mapper;
  private final ScimTarget target;
  private final StateStore store;
  private final SyncPolicy policy;
  private final Clock clock;
  private final SteadyRuns steadyRuns;
  private final ChangeApplication application;
  private final RunRecording recording;

  RunPipeline(
      DirectorySource source,
      ResourceMapper mapper,
      ScimTarget target,
      StateStore store,
      SyncPolicy policy,
      Clock clock) {
    this.source = source;
    this.mapper = mapper;
    this.target = target;
    this.store = store;
    this.policy = policy;
    this.clock = clock;
    this.steadyRuns = new SteadyRuns(source, mapper, store, policy, clock);
    this.application = new ChangeApplication(target, store, policy, clock);
    this.recording = new RunRecording(target, store, steadyRuns, clock);
  }

  /**
   * Read, map, observe, plan and guard, writing nothing.
   *
   * @throws SyncException when the source or the target cannot be read, or the stop signal was
   *     raised before the plan was complete
   */
  Plan plan(SyncOptions options) {
    RunCaches caches = RunCaches.of(store);
    try (TargetObservation observation =
            TargetObservation.start(target, store, caches, policy.parallelism(), options.full());
        DirectoryReading reading =
            DirectoryReading.start(source, mapper, options.onlyUserKeys(), null, null, null)) {
      StoredState stored = store.load();
      return planned(reading, observation, caches, stored, isFull(options, stored), options).plan();
    } catch (RunStoppedException e) {
      throw new SyncException(
          ErrorKind.UNAVAILABLE,
          Executor.STOPPED_BY_SHUTDOWN + " before the plan was complete (" + e.getMessage() + ")",
          e);
    }
  }

  /**
   * The whole run, under the caller's lock: repair, spare or read → … → record.
   *
   * @param saved a saved plan to apply instead of the fresh one, if still fresh
   * @throws SyncException when the run cannot start or its inputs cannot be read; the failure is
   *     recorded in the history once the run began
   */
  RunReport run(SyncOptions options, @Nullable Plan saved) {
    Instant started = clock.instant();
    RunCaches caches = RunCaches.of(store);
    recording.closeAbandoned();
    List<String> repairs = repair(caches);
    boolean full = saved != null ? saved.full() : options.full();
    if (repairs.isEmpty() && saved == null && mayBeSpared(options)) {
      Optional<RunReport> spared = steadyRuns.spare(options.trigger(), caches, started);
      if (spared.isPresent()) {
        options.progress().onPlanned(0);
        return spared.get();
      }
    }
    WriteClearance clearance = caches.clearForWriting();
    Optional<ChangeTracking> tracking = source.changeTracking();
    @Nullable String inputs = tracking.isPresent() ? steadyRuns.checkpointInputs() : null;
    @Nullable String since =
        inputs != null && saved == null && mayBeSpared(options)
            ? caches.sourceCheckpoint(inputs).orElse(null)
            : null;
    long runId = -1;
    @Nullable SourceChanges first = null;
    if (since != null && !steadyRuns.isFullDue(store.lastFullRun())) {
      // The change read first: when nothing changed, the run needs neither the state nor the
      // target.
      runId = recording.begin(options.trigger(), false, started);
      try {
        first = DeltaRead.readChanges(tracking.orElseThrow(), since, source.describe());
      } catch (SyncException e) {
        throw recording.failed(runId, e);
      }
      if (DeltaRead.nothingChanged(first)) {
        options.progress().onPlanned(0);
        return recording.finish(
            new FinishedRun(
                runId,
                options.trigger(),
                options.onlyUserKeys(),
                Plan.empty(false),
                new ExecutionResult(List.of(), null, 0, false),
                0,
                !repairs.isEmpty(),
                null,
                null,
                inputs,
                ((SourceChanges.Changed) first).checkpoint(),
                started,
                clock.instant()),
            clearance,
            caches);
      }
    }
    StoredState stored;
    @Nullable Planned planned;
    @Nullable String checkpoint;
    try (TargetObservation observation =
            TargetObservation.start(target, store, caches, policy.parallelism(), full);
        DirectoryReading reading =
            DirectoryReading.start(
                source, mapper, options.onlyUserKeys(), tracking.orElse(null), since, first)) {
      stored = store.load();
      full = saved != null ? saved.full() : isFull(options, stored);
      if (runId < 0) {
        runId = recording.begin(options.trigger(), full, started);
      }
      try {
        reading.readChanges(stored, full, clock);
        planned =
            reading.unchanged()
                ? Planned.nothing(full)
                : planned(reading, observation, caches, stored, full, options);
      } catch (SyncException e) {
        throw recording.failed(runId, e);
      } catch (RunStoppedException e) {
        // Stopped while still reading: nothing was applied, recorded like a run whose changes
        // were all skipped by the stop signal.
        LOG.info(
            "run stopped before its plan was complete run={} reason={}", runId, e.getMessage());
        planned = null;
      }
      checkpoint = reading.nextCheckpoint();
    }
    if (planned == null) {
      return recording.finish(
          new FinishedRun(
              runId,
              options.trigger(),
              options.onlyUserKeys(),
              Plan.empty(full),
              new ExecutionResult(List.of(), null, 0, true),
              0,
              !repairs.isEmpty(),
              null,
              null,
              null,
              null,
              started,
              clock.instant()),
          clearance,
          caches);
    }
    Plan plan = planned.plan();
    if (saved != null) {
      try {
        checkFresh(saved, plan);
      } catch (SyncException e) {
        throw recording.failed(runId, e);
      }
      plan = saved.withSafety(plan.safety());
    }
    if (!repairs.isEmpty()) {
      plan = plan.withMoreWarnings(repairs);
    }
    Instant planComplete = clock.instant();
    ExecutionResult result =
        application.apply(
            clearance,
            runId,
            plan,
            stored,
            planned.verifiedMemberships(),
            options.stopRequested(),
            options.progress());
    return recording.finish(
        new FinishedRun(
            runId,
            options.trigger(),
            options.onlyUserKeys(),
            plan,
            result,
            planned.failedLookups(),
            !repairs.isEmpty(),
            planned.sourceVersion(),
            planned.memoUpdate(),
            inputs,
            checkpoint,
            started,
            planComplete),
        clearance,
        caches);
  }

  /** The stages from the read to the guard, for a plan or a run. */
  private Planned planned(
      DirectoryReading reading,
      TargetObservation observation,
      RunCaches caches,
      StoredState stored,
      boolean full,
      SyncOptions options) {
    if (full) {
      observation.listNow();
    }
    DirectoryRead read = reading.read();
    read.useMemo(caches);
    DirectoryRead.Mapped mapped = read.await(options.stopRequested());
    TargetObservation.Observed observed =
        observation.observe(
            mapped.desired(), stored, full, options.verifyMembers(), options.stopRequested());
    Plan plan = Planner.plan(observed.wanted(), observed.state(), stored, policy, target.traits());
    int directoryUsers =
        reading.isDelta() ? reading.directoryUsers() : observed.wanted().sourceUserCount();
    Plan guarded = SafetyGuards.check(plan, directoryUsers, stored, policy, options.allowDeletes());
    MappingMemo.@Nullable Update memoUpdate = mapped.memoUpdate();
    if (memoUpdate != null && reading.isDelta()) {
      // A read of some entries: the memo forgets only the users that left the directory.
      Set<String> remove = new HashSet<>(memoUpdate.remove());
      remove.retainAll(reading.focus());
      memoUpdate = new MappingMemo.Update(memoUpdate.rulesFingerprint(), memoUpdate.put(), remove);
    }
    return new Planned(
        guarded,
        observed.failedLookups(),
        mapped.version(),
        memoUpdate,
        observed.state().memberships());
  }

  /** What the stages up to the guard produced. */
  private record Planned(
      Plan plan,
      int failedLookups,
      @Nullable String sourceVersion,
      MappingMemo.@Nullable Update memoUpdate,
      @Nullable Map<String, Set<String>> verifiedMemberships) {

    /** Nothing to plan: the directory reported no change since the checkpoint. */
    static Planned nothing(boolean full) {
      return new Planned(Plan.empty(full), 0, null, null, null);
    }
  }

  private List<String> repair(RunCaches caches) {
    try {
      return new JournalRepair(target, store, clock).repair(caches);
    } catch (TargetException e) {
      throw new SyncException(
          ErrorKind.UNAVAILABLE,
          "cannot repair the changes a previous run left unfinished: " + e.getMessage(),
          e);
    }
  }

  /**
   * Refuses a saved plan when the directory, the target or the state changed since it was computed.
   *
   * @throws SyncException of kind {@link ErrorKind#SAFETY_STOP} naming what changed
   */
  static void checkFresh(Plan saved, Plan fresh) {
    List<String> changed = fresh.fingerprints().changedSince(saved.fingerprints());
    if (!changed.isEmpty()) {
      throw new SyncException(
          ErrorKind.SAFETY_STOP,
          "the saved plan is stale: "
              + String.join(", ", changed)
              + " changed since it was computed; plan again");
    }
  }

  private static boolean mayBeSpared(SyncOptions options) {
    return !options.full() && !options.verifyMembers() && options.onlyUserKeys().isEmpty();
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
}
