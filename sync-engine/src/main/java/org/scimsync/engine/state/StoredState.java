package org.scimsync.engine.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the state store knows at the start of a run.
 *
 * @param users links of managed users, by source key
 * @param groups links of managed groups, by source key
 * @param memberships pushed memberships: group source key to the source keys of its member users
 * @param lastFullRun when the last full run finished successfully, null if never
 */
public record StoredState(
    Map<String, Link> users,
    Map<String, Link> groups,
    Map<String, Set<String>> memberships,
    @Nullable Instant lastFullRun) {

  public StoredState {
    users = Map.copyOf(users);
    groups = Map.copyOf(groups);
    memberships = Map.copyOf(memberships);
  }

  /**
   * The pushed memberships turned around: user source key to the source keys of the groups it was
   * pushed to. Built on each call; a run that needs it builds it once.
   */
  public Map<String, Set<String>> groupsOfUsers() {
    Map<String, Set<String>> index = new HashMap<>();
    memberships.forEach(
        (group, members) ->
            members.forEach(user -> index.computeIfAbsent(user, k -> new HashSet<>()).add(group)));
    return index;
  }

  /** The state of a store that has never run. */
  public static StoredState empty() {
    return new StoredState(Map.of(), Map.of(), Map.of(), null);
  }
}
