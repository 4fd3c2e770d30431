package org.scimsync.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.ResourceMapper;
import org.scimsync.engine.plan.SafetyVerdict;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.target.ScimTarget;

/**
 * One sync from a directory to a SCIM target: read the source, map, observe the target, plan, check
 * safety, apply, record (the stages of {@link RunPipeline}). The engine holds no state between runs
 * besides its ports; one instance can run many times (the service does), one run at a time per
 * state store.
 *
 * <p>A run's options go from here to the pipeline and no further: the stages are given the values
 * they need, and the report comes back once.
 */
public final class SyncEngine {

  private final StateStore store;
  private final Clock clock;
  private final RunPipeline pipeline;

  public SyncEngine(
      DirectorySource source,
      ResourceMapper mapper,
      ScimTarget target,
      StateStore store,
      SyncPolicy policy,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pipeline =
        new RunPipeline(
            Objects.requireNonNull(source, "source"),
            Objects.requireNonNull(mapper, "mapper"),
            Objects.requireNonNull(target, "target"),
            store,
            Objects.requireNonNull(policy, "policy"),
            clock);
  }

  /**
   * Computes the plan without writing anything to the target or the state store.
   *
   * @throws SyncException when the source or the target cannot be read
   */
  public Plan plan(SyncOptions options) {
    return pipeline.plan(options);
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
      return dryRunReport(options, pipeline.plan(options), started);
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
    SyncOptions asSaved = options.withFull(savedPlan.full());
    if (options.dryRun()) {
      Instant started = clock.instant();
      RunPipeline.checkFresh(savedPlan, pipeline.plan(asSaved));
      return dryRunReport(options, savedPlan, started);
    }
    return locked(asSaved, savedPlan);
  }

  private RunReport locked(SyncOptions options, @Nullable Plan savedPlan) {
    RunLock lock;
    try {
      lock = store.lock();
    } catch (StateLockedException e) {
      throw new SyncException(ErrorKind.LOCKED, e.getMessage(), e);
    }
    try (lock) {
      return pipeline.run(options, savedPlan);
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
