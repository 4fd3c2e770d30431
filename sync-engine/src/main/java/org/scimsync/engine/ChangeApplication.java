package org.scimsync.engine;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
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

  /**
   * Applies what the guard allows of {@code plan}.
   *
   * @param verified the memberships read back from the target (user id to group ids), when the run
   *     verified them: the recorded memberships of those users are first brought in line with them
   */
  ExecutionResult apply(
      WriteClearance clearance,
      long runId,
      Plan plan,
      StoredState stored,
      @Nullable Map<String, Set<String>> verified,
      BooleanSupplier stopRequested,
      ProgressListener progress) {
    if (verified != null && plan.safety().allowsConstructive()) {
      recordVerifiedMemberships(verified, stored);
    }
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

  /**
   * Makes the recorded memberships of the verified users what the target answered: a membership
   * removed or added in the target is otherwise recorded wrongly for ever (the plan was made
   * against the answer, so nothing else would correct the record).
   */
  private void recordVerifiedMemberships(Map<String, Set<String>> verified, StoredState stored) {
    Map<String, String> groupKeyById = new HashMap<>();
    stored.groups().values().forEach(l -> groupKeyById.put(l.targetId(), l.sourceKey()));
    Map<String, Set<String>> recordedGroupsOfUser = stored.groupsOfUsers();
    for (Link user : stored.users().values()) {
      Set<String> groupIds = verified.get(user.targetId());
      if (groupIds == null) {
        continue; // not verified (not found, or its lookup refused): the record stands
      }
      Set<String> actual = new HashSet<>();
      for (String groupId : groupIds) {
        String groupKey = groupKeyById.get(groupId);
        if (groupKey != null) {
          actual.add(groupKey);
        }
      }
      Set<String> recorded = recordedGroupsOfUser.getOrDefault(user.sourceKey(), Set.of());
      for (String group : recorded) {
        if (!actual.contains(group)) {
          store.removeMemberships(group, List.of(user.sourceKey()));
        }
      }
      for (String group : actual) {
        if (!recorded.contains(group)) {
          store.addMemberships(group, List.of(user.sourceKey()));
        }
      }
    }
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
