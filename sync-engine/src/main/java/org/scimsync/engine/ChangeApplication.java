package org.scimsync.engine;

import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.scimsync.engine.apply.ExecutionResult;
import org.scimsync.engine.apply.Executor;
import org.scimsync.engine.apply.ProgressListener;
import org.scimsync.engine.cache.WriteClearance;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.SafetyVerdict;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.ScimTarget;

/**
 * The apply stage: the guarded plan's changes sent to the target, in dependency order (see {@link
 * Executor}), then the link updates that need no request. A plan the safety guard stopped is not
 * applied: each of its changes is reported skipped with the guard's words.
 */
final class ChangeApplication {

  private final ScimTarget target;
  private final StateStore store;
  private final SyncPolicy policy;
  private final Clock clock;

  ChangeApplication(ScimTarget target, StateStore store, SyncPolicy policy, Clock clock) {
    this.target = target;
    this.store = store;
    this.policy = policy;
    this.clock = clock;
  }

  /** Applies what the guard allows of {@code plan}. */
  ExecutionResult apply(
      WriteClearance clearance,
      long runId,
      Plan plan,
      StoredState stored,
      BooleanSupplier stopRequested,
      ProgressListener progress) {
    SafetyVerdict verdict = plan.safety();
    progress.onPlanned(plan.changes().size());
    if (!verdict.allowsConstructive()) {
      ExecutionResult skipped = ExecutionResult.skippedAll(plan.changes(), verdict.message());
      skipped.results().forEach(progress::onChangeFinished);
      return skipped;
    }
    ExecutionResult result =
        new Executor(target, store, clock, policy.parallelism(), policy.maxConsecutiveRefusals())
            .execute(
                clearance,
                runId,
                plan.changes(),
                stored,
                verdict.allowsDestructive(),
                stopRequested,
                progress);
    recordLinkUpdates(plan);
    return result;
  }

  /** The links whose content hash or key changed while the target needed nothing. */
  private void recordLinkUpdates(Plan plan) {
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
}
