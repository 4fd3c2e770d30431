package org.scimsync.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.scimsync.engine.apply.ExecutionResult;
import org.scimsync.engine.cache.RunCaches;
import org.scimsync.engine.cache.WriteClearance;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.RunDetails;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.engine.target.ScimTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record stage: the run's place in the history, from its start to its end, and what the run
 * leaves for the next one — what the target taught, the mapping memo, the steady state.
 */
final class RunRecording {

  private static final Logger LOG = LoggerFactory.getLogger(RunRecording.class);

  private final ScimTarget target;
  private final StateStore store;
  private final SteadyRuns steadyRuns;
  private final Clock clock;

  RunRecording(ScimTarget target, StateStore store, SteadyRuns steadyRuns, Clock clock) {
    this.target = target;
    this.store = store;
    this.steadyRuns = steadyRuns;
    this.clock = clock;
  }

  /** How far back {@link #closeAbandoned} looks. */
  static final int ABANDONED_LOOKBACK = 20;

  /**
   * Ends, as failed, the runs of the history that never recorded their end: under the lock no other
   * run is alive, so such a run was abandoned by a process that stopped (killed, or an instance of
   * a cluster that died); the journal repair sees to what it left unfinished.
   */
  void closeAbandoned() {
    for (RunRecord record : store.recentRuns(ABANDONED_LOOKBACK)) {
      if (record.summary() == null) {
        store.finishRun(
            record.id(),
            new RunSummary(
                RunStatus.FAILED,
                0,
                0,
                0,
                clock.instant(),
                "abandoned: the process running it stopped before the run ended; the next run"
                    + " repaired what it left unfinished"));
        LOG.warn("run abandoned run={} startedAt={}", record.id(), record.start().startedAt());
      }
    }
  }

  /** Starts the run in the history; returns its id. */
  long begin(String trigger, boolean full, Instant started) {
    long runId = store.beginRun(new RunStart(trigger, full, false, started));
    LOG.info("run started run={} trigger={} full={}", runId, trigger, full);
    return runId;
  }

  /** Records a run that could not plan, and gives back why. */
  SyncException failed(long runId, SyncException failure) {
    store.finishRun(
        runId, new RunSummary(RunStatus.FAILED, 0, 0, 0, clock.instant(), failure.getMessage()));
    return failure;
  }

  /**
   * Ends a run that applied (or skipped) its plan, and keeps what it leaves for the next run.
   *
   * @param run what the run did
   * @param clearance the run's clearance to write
   * @param caches the run's caches
   */
  RunReport finish(FinishedRun run, WriteClearance clearance, RunCaches caches) {
    Plan plan = run.plan();
    ExecutionResult result = run.result();
    int applied = result.count(ChangeOutcome.Result.APPLIED);
    int failed = result.count(ChangeOutcome.Result.FAILED);
    int skipped = result.count(ChangeOutcome.Result.SKIPPED);
    RunOutcome outcome = RunOutcome.of(result, plan.safety(), run.failedLookups());
    Instant finished = clock.instant();
    store.finishRun(
        run.runId(),
        new RunSummary(
            outcome.status(), plan.changes().size(), applied, failed, finished, outcome.message()));
    LOG.info(
        "run finished run={} status={} applied={} failed={} skipped={}",
        run.runId(),
        outcome.status(),
        applied,
        failed,
        skipped);
    RunReport report =
        new RunReport(
            run.runId(),
            run.trigger(),
            outcome.status(),
            false,
            plan,
            result.results(),
            applied,
            failed,
            skipped,
            run.started(),
            Duration.between(run.started(), run.planned()),
            Duration.between(run.planned(), finished),
            outcome.message());
    keepDetails(run.runId(), plan);
    rememberWhatTheTargetTaught();
    if (run.memoUpdate() != null) {
      caches.rememberMappings(clearance, run.memoUpdate());
    }
    steadyRuns.recordIfSteady(run, report.status(), clearance, caches);
    keepCheckpoint(run, report.status(), clearance, caches);
    return report;
  }

  /**
   * Keeps where the directory's next change read continues, when this run applied every change of
   * the whole directory: a checkpoint past a change that failed, was held or skipped would lose it
   * for good (the next run reads from the checkpoint it started from instead).
   */
  private static void keepCheckpoint(
      FinishedRun run, RunStatus status, WriteClearance clearance, RunCaches caches) {
    String inputs = run.checkpointInputs();
    String checkpoint = run.checkpoint();
    if (inputs == null
        || checkpoint == null
        || status != RunStatus.SUCCEEDED
        || !run.onlyUserKeys().isEmpty()) {
      return;
    }
    caches.saveSourceCheckpoint(clearance, inputs, checkpoint);
  }

  /**
   * Keeps the plan's warnings, what the guard withheld and the plan's text in the history, for the
   * status page and {@code history}; a failure to keep them is logged, the run stands.
   */
  private void keepDetails(long runId, Plan plan) {
    try {
      store.saveRunDetails(
          runId, new RunDetails(plan.warnings(), plan.safety().withheld(), plan.toText()));
    } catch (StateStoreException e) {
      LOG.warn("the details of run {} could not be kept: {}", runId, e.getMessage());
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
}
