package org.scimsync.engine.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scimsync.engine.state.Link;

/**
 * Plans membership additions and removals of groups that exist in the target, against what the
 * engine pushed before (the target cannot list members), or against what was verified per user.
 */
final class MembershipReconciler {

  private MembershipReconciler() {}

  /**
   * The members each managed group has in the target as far as the engine knows: the pushed
   * memberships, with those of verified users replaced by what the target answered.
   */
  static Map<String, Set<String>> currentMembers(PlanBuilder b) {
    Map<String, Set<String>> verified = b.observed.memberships();
    if (verified == null) {
      return b.stored.memberships();
    }
    Map<String, String> groupKeyById = new HashMap<>();
    for (Link group : b.stored.groups().values()) {
      groupKeyById.put(group.targetId(), group.sourceKey());
    }
    Set<String> checkedUsers = new HashSet<>();
    Map<String, Set<String>> current = new HashMap<>();
    for (Link user : b.stored.users().values()) {
      Set<String> groupIds = verified.get(user.targetId());
      if (groupIds == null) {
        continue;
      }
      checkedUsers.add(user.sourceKey());
      for (String groupId : groupIds) {
        String groupKey = groupKeyById.get(groupId);
        if (groupKey != null) {
          current.computeIfAbsent(groupKey, k -> new HashSet<>()).add(user.sourceKey());
        }
      }
    }
    b.stored
        .memberships()
        .forEach(
            (groupKey, userKeys) -> {
              for (String userKey : userKeys) {
                if (!checkedUsers.contains(userKey)) {
                  current.computeIfAbsent(groupKey, k -> new HashSet<>()).add(userKey);
                }
              }
            });
    return current;
  }

  static void reconcile(PlanBuilder b) {
    for (DesiredGroup group : b.desired.groups()) {
      Set<String> baseline = b.memberBaseline.get(group.key());
      if (baseline == null) {
        continue; // created with its members, or skipped
      }
      Set<String> current = withoutCreated(baseline, b.createdUserKeys);
      List<String> memberKeys = group.memberKeys();
      Set<String> wanted = new HashSet<>(Math.max(16, memberKeys.size() * 2));
      List<String> adds = new ArrayList<>();
      for (String member : memberKeys) {
        if (b.usersAfterPlan.contains(member)
            && wanted.add(member)
            && !current.contains(member)
            && b.inFocus(member)) {
          adds.add(member);
        }
      }
      if (adds.isEmpty() && wanted.size() == current.size() && b.desired.onlyUserKeys().isEmpty()) {
        // every user in focus and none to add: wanted is a subset of current of the same size
        continue;
      }
      List<String> removes = new ArrayList<>();
      int leavers = 0;
      for (String member : current) {
        boolean leaver = b.deletedUserKeys.contains(member);
        if (!wanted.contains(member)
            && b.inFocus(member)
            && (!leaver || !b.traits.membershipsDroppedWithUser())
            && !b.desired.heldUserKeys().contains(member)) {
          removes.add(member);
          leavers += leaver ? 1 : 0;
        }
      }
      removes.sort(null);
      if (adds.isEmpty() && removes.isEmpty()) {
        continue;
      }
      b.memberChanges.add(
          new Change.UpdateMembers(
              group.key(),
              b.groupIds.get(group.key()),
              group.displayName(),
              adds,
              removes,
              reason(adds, removes)
                  + (leavers == 0
                      ? ""
                      : " ("
                          + leavers
                          + " to be deleted: removed first, the target keeps"
                          + " memberships of deleted users)")));
    }
  }

  /** The members, less the users this plan creates: a new user is in no group yet. */
  private static Set<String> withoutCreated(Set<String> members, Set<String> created) {
    if (created.isEmpty() || members.stream().noneMatch(created::contains)) {
      return members;
    }
    Set<String> kept = new HashSet<>(members);
    kept.removeAll(created);
    return kept;
  }

  private static String reason(List<String> adds, List<String> removes) {
    if (removes.isEmpty()) {
      return adds.size() + " members to add";
    }
    if (adds.isEmpty()) {
      return removes.size() + " members left the group";
    }
    return adds.size() + " members to add, " + removes.size() + " left the group";
  }
}
