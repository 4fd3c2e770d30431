package org.scimsync.engine.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.TargetTraits;

/** The working state of one planning: the inputs and the changes found so far. */
final class PlanBuilder {

  final DesiredState desired;
  final ObservedState observed;
  final StoredState stored;
  final SyncPolicy policy;
  final TargetTraits traits;

  final List<Change> userChanges = new ArrayList<>();
  final List<Change> groupChanges = new ArrayList<>();
  final List<Change> memberChanges = new ArrayList<>();
  final List<Change> disables = new ArrayList<>();
  final List<Change> userDeletes = new ArrayList<>();
  final List<Change> groupDeletes = new ArrayList<>();
  final List<LinkUpdate> linkUpdates = new ArrayList<>();
  final List<LinkDrop> linkDrops = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();

  /** Target ids matched to a desired object in this plan. */
  final Set<String> claimedUserIds;

  final Set<String> claimedGroupIds;

  /** Users that will be linked once the plan is applied (members may only be such users). */
  final Set<String> usersAfterPlan;

  final Set<String> deletedUserKeys = new HashSet<>();

  /**
   * Users created by this plan: a new object is in no group, whatever the memberships recorded for
   * its key say (a user deleted in the target took its memberships with it).
   */
  final Set<String> createdUserKeys = new HashSet<>();

  /** Group key to its target id when known before applying. */
  final Map<String, String> groupIds = new HashMap<>();

  /** Group key to the members the target holds now, for groups that are not created. */
  final Map<String, Set<String>> memberBaseline = new LinkedHashMap<>();

  int unchanged;

  PlanBuilder(
      DesiredState desired,
      ObservedState observed,
      StoredState stored,
      SyncPolicy policy,
      TargetTraits traits) {
    this.desired = desired;
    this.observed = observed;
    this.stored = stored;
    this.policy = policy;
    this.traits = traits;
    int users = Math.max(desired.users().size(), stored.users().size());
    this.claimedUserIds = new HashSet<>(capacity(users));
    this.claimedGroupIds = new HashSet<>(capacity(desired.groups().size()));
    this.usersAfterPlan = new HashSet<>(capacity(users));
    warnings.addAll(desired.warnings());
  }

  /** The initial capacity of a hash set that holds {@code size} elements without growing. */
  private static int capacity(int size) {
    return size + size / 3 + 1;
  }

  /** Whether the run considers this user (provision on demand limits it to a few). */
  boolean inFocus(String userKey) {
    return desired.onlyUserKeys().isEmpty() || desired.onlyUserKeys().contains(userKey);
  }

  /** Whether the run may deprovision groups (not when it is limited to a few users). */
  boolean deprovisionsGroups() {
    return desired.onlyUserKeys().isEmpty();
  }

  /** All changes in apply order. */
  List<Change> orderedChanges() {
    List<Change> all = new ArrayList<>();
    all.addAll(userChanges);
    all.addAll(groupChanges);
    all.addAll(memberChanges);
    all.addAll(disables);
    all.addAll(userDeletes);
    all.addAll(groupDeletes);
    return all;
  }
}
