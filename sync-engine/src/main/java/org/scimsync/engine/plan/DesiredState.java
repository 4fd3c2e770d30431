package org.scimsync.engine.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the target should hold, from the source after scoping, mapping and sanitizing.
 *
 * @param users the users in scope, in source order
 * @param groups the groups in scope, in source order
 * @param heldUserKeys users in scope that could not be mapped: a managed one is left as it is
 * @param heldGroupKeys groups in scope that could not be mapped
 * @param sourceUserCount how many users the source returned, before scoping
 * @param warnings sanitizer removals and skipped objects, each naming the object
 * @param onlyUserKeys when not empty, the run considers only these users (provision on demand)
 */
public record DesiredState(
    List<DesiredUser> users,
    List<DesiredGroup> groups,
    Set<String> heldUserKeys,
    Set<String> heldGroupKeys,
    int sourceUserCount,
    List<String> warnings,
    Set<String> onlyUserKeys) {

  public DesiredState {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    heldUserKeys = Set.copyOf(heldUserKeys);
    heldGroupKeys = Set.copyOf(heldGroupKeys);
    warnings = List.copyOf(warnings);
    onlyUserKeys = Set.copyOf(onlyUserKeys);
  }

  /**
   * This desired state with more objects held: those users and groups leave {@link #users()} and
   * {@link #groups()} for the held keys (a managed one is left as it is this run), and the warnings
   * that say why are added.
   */
  public DesiredState holding(
      Set<String> userKeys, Set<String> groupKeys, List<String> moreWarnings) {
    Set<String> heldUsers = new HashSet<>(heldUserKeys);
    heldUsers.addAll(userKeys);
    Set<String> heldGroups = new HashSet<>(heldGroupKeys);
    heldGroups.addAll(groupKeys);
    List<String> allWarnings = new ArrayList<>(warnings);
    allWarnings.addAll(moreWarnings);
    return new DesiredState(
        users.stream().filter(u -> !userKeys.contains(u.key())).toList(),
        groups.stream().filter(g -> !groupKeys.contains(g.key())).toList(),
        heldUsers,
        heldGroups,
        sourceUserCount,
        allWarnings,
        onlyUserKeys);
  }

  /** A desired state of these users and groups, with nothing held and no warnings. */
  public static DesiredState of(List<DesiredUser> users, List<DesiredGroup> groups) {
    return new DesiredState(users, groups, Set.of(), Set.of(), users.size(), List.of(), Set.of());
  }
}
