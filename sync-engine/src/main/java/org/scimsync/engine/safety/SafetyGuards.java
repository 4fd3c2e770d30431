package org.scimsync.engine.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.SafetyVerdict;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.state.StoredState;

/**
 * The empty-source guard and the deletion guard. Pure: decides from the plan's changes, the size of
 * the source and of the managed set, and the policy.
 */
public final class SafetyGuards {

  private SafetyGuards() {}

  /**
   * The plan with the guards' verdict.
   *
   * @param plan the planned changes
   * @param sourceUserCount users the source returned (before scoping)
   * @param stored what the store links
   * @param policy the thresholds
   * @param allowDeletes true to lift the deletion guard for this run (the empty-source guard stays)
   */
  public static Plan check(
      Plan plan, int sourceUserCount, StoredState stored, SyncPolicy policy, boolean allowDeletes) {
    return plan.withSafety(
        evaluate(
            plan.changes(),
            sourceUserCount,
            stored.users().size(),
            stored.users().size() + stored.groups().size(),
            policy,
            allowDeletes));
  }

  /**
   * Evaluates the guards.
   *
   * @param changes the planned changes
   * @param sourceUserCount users the source returned (before scoping)
   * @param managedUsers users the store links
   * @param managedObjects users and groups the store links
   * @param policy the thresholds
   * @param allowDeletes true to lift the deletion guard for this run
   */
  public static SafetyVerdict evaluate(
      List<Change> changes,
      int sourceUserCount,
      int managedUsers,
      int managedObjects,
      SyncPolicy policy,
      boolean allowDeletes) {
    List<String> destructive = new ArrayList<>();
    for (Change change : changes) {
      if (change.destructive()) {
        destructive.add(describe(change));
      }
    }
    if (sourceUserCount == 0 && managedUsers > 0) {
      return new SafetyVerdict(
          SafetyVerdict.Outcome.STOPPED,
          "the source returned no users while "
              + managedUsers
              + " users are managed; a source that suddenly is empty is treated as a fault,"
              + " not as 'remove everyone'. Nothing was changed.",
          destructive);
    }
    if (destructive.isEmpty() || allowDeletes) {
      return SafetyVerdict.passed();
    }
    int count = destructive.size();
    long percentLimit = (long) Math.floor(managedObjects * policy.maxDeletePercent() / 100.0);
    boolean overCount = count > policy.maxDeletes();
    boolean overPercent = count > percentLimit;
    if (!overCount && !overPercent) {
      return SafetyVerdict.passed();
    }
    String limit =
        overCount
            ? "maxDeletes " + policy.maxDeletes()
            : "maxDeletePercent "
                + policy.maxDeletePercent()
                + "% of "
                + managedObjects
                + " managed objects ("
                + percentLimit
                + ")";
    return new SafetyVerdict(
        SafetyVerdict.Outcome.DESTRUCTIVE_WITHHELD,
        "the plan deletes or disables "
            + count
            + " objects, over "
            + limit
            + "; deletes and disables were not applied. Check the source and the scope, then"
            + " run again with --allow-deletes to apply them.",
        destructive);
  }

  private static String describe(Change change) {
    String verb = change instanceof Change.DisableUser ? "disable" : "delete";
    String kind = change.objectKind().name().toLowerCase(Locale.ROOT);
    return verb + " " + kind + " " + change.label();
  }
}
