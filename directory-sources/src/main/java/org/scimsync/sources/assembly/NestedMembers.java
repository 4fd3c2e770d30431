package org.scimsync.sources.assembly;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Group nesting as arrays of indexes (groups and users by their position in the read), for {@link
 * SnapshotAssembler}: which groups a group reaches and which users that makes its members.
 */
final class NestedMembers {

  private NestedMembers() {}

  /**
   * The member users of group {@code g}, each once, in order: direct members, then (when
   * flattening) those of each nested group. {@code seen} is scratch space of one int per user.
   */
  static int[] members(
      int g, int[] direct, List<Integer> nestedGroups, List<int[]> directUsers, int[] seen) {
    int stamp = g + 1;
    int capacity = direct.length;
    for (int d : nestedGroups) {
      capacity += directUsers.get(d).length;
    }
    int[] result = new int[capacity];
    int count = 0;
    for (int u : direct) {
      if (seen[u] != stamp) {
        seen[u] = stamp;
        result[count++] = u;
      }
    }
    for (int d : nestedGroups) {
      for (int u : directUsers.get(d)) {
        if (seen[u] != stamp) {
          seen[u] = stamp;
          result[count++] = u;
        }
      }
    }
    return count == capacity ? result : Arrays.copyOf(result, count);
  }

  /** Every group reachable from {@code start} through nesting, excluding {@code start}. */
  static List<Integer> descendants(int start, List<int[]> childGroups) {
    if (childGroups.get(start).length == 0) {
      return List.of();
    }
    LinkedHashSet<Integer> seen = new LinkedHashSet<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    seen.add(start);
    queue.add(start);
    while (!queue.isEmpty()) {
      for (int child : childGroups.get(queue.poll())) {
        if (seen.add(child)) {
          queue.add(child);
        }
      }
    }
    seen.remove(start);
    return new ArrayList<>(seen);
  }
}
