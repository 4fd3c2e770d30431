package org.scimsync.engine;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.Sha256;
import org.scimsync.engine.cache.RunCaches;
import org.scimsync.engine.cache.WriteClearance;
import org.scimsync.engine.plan.Fingerprints;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.PlanCounts;
import org.scimsync.engine.plan.ResourceMapper;
import org.scimsync.engine.plan.SafetyVerdict;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.SteadyState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spares incremental runs that would find nothing to do. A run that planned no change records the
 * fingerprint of its inputs (the directory's version, the rules, the policy) as the store's {@link
 * SteadyState}; every other run forgets it before it may write (see {@link RunCaches}). An
 * incremental run whose inputs have that fingerprint would plan from the same directory, rules,
 * policy and state, so it would plan no change either: it is recorded as succeeded without reading
 * the directory, loading the state or asking the target anything, and reports the warnings of the
 * run it relies on.
 *
 * <p>Only sources that can tell their version cheaply take part (the LDIF and CSV sources hash
 * their files); a full run, a run for some users, a run that verifies memberships and a run that
 * had a previous run's unfinished changes to repair always read everything.
 */
final class SteadyRuns {

  private static final Logger LOG = LoggerFactory.getLogger(SteadyRuns.class);

  private final DirectorySource source;
  private final ResourceMapper mapper;
  private final StateStore store;
  private final SyncPolicy policy;
  private final Clock clock;

  SteadyRuns(
      DirectorySource source,
      ResourceMapper mapper,
      StateStore store,
      SyncPolicy policy,
      Clock clock) {
    this.source = source;
    this.mapper = mapper;
    this.store = store;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * The report of this run, spared, when it may rely on the recorded steady state instead of
   * reading anything: the caller found it eligible (incremental, for the whole directory, not
   * verifying memberships, nothing to repair, no saved plan) and its inputs are those of the
   * recorded run. A source whose version cannot be read spares nothing: the run then reads it, and
   * reports the failure as any run does.
   */
  Optional<RunReport> spare(String trigger, RunCaches caches, Instant started) {
    Optional<SteadyState> recorded = caches.steadyState();
    if (recorded.isEmpty() || !isUnchanged(recorded.get())) {
      return Optional.empty();
    }
    SteadyState steady = recorded.get();
    long runId = store.beginRun(new RunStart(trigger, false, false, started));
    String message =
        "the directory, the rules and the policy are the same as in run "
            + steady.runId()
            + ", which found nothing to do: nothing was read or compared"
            + " (a change to any of them, or a full run, reads everything)";
    Plan plan =
        new Plan(
            false,
            List.of(),
            List.of(),
            List.of(),
            steady.warnings(),
            List.of(),
            SafetyVerdict.passed(),
            new Fingerprints("", "", ""),
            new PlanCounts(0, 0, 0, 0, 0, 0, 0, steady.unchanged(), 0));
    Instant finished = clock.instant();
    store.finishRun(runId, new RunSummary(RunStatus.SUCCEEDED, 0, 0, 0, finished, message));
    LOG.info(
        "run spared run={} trigger={} sameAsRun={} warnings={}",
        runId,
        trigger,
        steady.runId(),
        steady.warnings().size());
    return Optional.of(
        new RunReport(
            runId,
            trigger,
            RunStatus.SUCCEEDED,
            false,
            plan,
            List.of(),
            0,
            0,
            0,
            started,
            Duration.between(started, finished),
            Duration.ZERO,
            message));
  }

  private boolean isUnchanged(SteadyState steady) {
    String rules = mapper.rulesFingerprint();
    if (rules == null || isFullDue(store.lastFullRun())) {
      return false;
    }
    Optional<String> version;
    try {
      version = source.version();
    } catch (SourceException e) {
      LOG.info("the directory's version cannot be read; the run reads it: {}", e.getMessage());
      return false;
    }
    if (version.isEmpty()) {
      return false;
    }
    boolean same = steady.inputs().equals(inputs(version.get(), rules));
    if (!same) {
      LOG.debug("inputs changed since run {}; the run reads everything", steady.runId());
    }
    return same;
  }

  /**
   * Records the steady state after a run, if the run planned no change from a whole directory whose
   * version is known, and found nothing to repair. A failure to record it is logged: the next run
   * then reads everything.
   */
  void recordIfSteady(
      FinishedRun run, RunStatus status, WriteClearance clearance, RunCaches caches) {
    String rules = mapper.rulesFingerprint();
    Plan plan = run.plan();
    String sourceVersion = run.sourceVersion();
    if (status != RunStatus.SUCCEEDED
        || run.repaired()
        || !plan.changes().isEmpty()
        || !plan.linkUpdates().isEmpty()
        || !plan.linkDrops().isEmpty()
        || !plan.safety().isPassed()
        || !run.onlyUserKeys().isEmpty()
        || sourceVersion == null
        || rules == null) {
      return;
    }
    caches.recordSteadyState(
        clearance,
        new SteadyState(
            inputs(sourceVersion, rules), run.runId(), plan.counts().unchanged(), plan.warnings()));
  }

  /**
   * The fingerprint of the inputs a change checkpoint is kept under: what the source describes, the
   * rules, the policy (not the directory's version: the checkpoint stands for it). Null when the
   * rules have no fingerprint, and no checkpoint is kept then.
   */
  @Nullable String checkpointInputs() {
    String rules = mapper.rulesFingerprint();
    return rules == null ? null : inputs("checkpoint", rules);
  }

  /** Whether a full run is due, by the policy's {@code fullEvery}. */
  boolean isFullDue(@Nullable Instant lastFullRun) {
    return lastFullRun == null || !lastFullRun.plus(policy.fullEvery()).isAfter(clock.instant());
  }

  /**
   * The fingerprint of a run's inputs: what the source describes and its version, rules, policy.
   */
  private String inputs(String sourceVersion, String rules) {
    MessageDigest digest = Sha256.digest();
    Sha256.field(digest, source.describe());
    Sha256.field(digest, sourceVersion);
    Sha256.field(digest, rules);
    Sha256.field(digest, policy.users().name());
    Sha256.field(digest, policy.groups().name());
    Sha256.field(digest, Integer.toString(policy.maxDeletes()));
    Sha256.field(digest, Integer.toString(policy.maxDeletePercent()));
    return Sha256.hex(digest);
  }
}
