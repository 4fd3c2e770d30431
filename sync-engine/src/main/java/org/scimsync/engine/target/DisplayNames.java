package org.scimsync.engine.target;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finding groups by displayName without depending on a filter the target may refuse: AWS has been
 * reported to answer a {@code displayName eq} filter with non-ASCII characters with 400 "Invalid
 * filter" (see the AWS sheet), so such a name is only ever matched against the listing of groups.
 * Names compare case-insensitively, as the planner matches them.
 */
public final class DisplayNames {

  private DisplayNames() {}

  /**
   * Whether a {@code displayName eq} filter may carry this name: printable ASCII only.
   *
   * @param name a group's displayName
   */
  public static boolean filterable(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /**
   * The groups of a listing whose displayName is one of {@code names}: the first one listed for
   * each, keyed by its name as given in {@code names}. Consumes and closes {@code listed}.
   *
   * @param listed the target's groups, as {@link ScimTarget#groups()} streams them
   * @param names the names to find
   */
  public static Map<String, TargetGroup> matching(
      Stream<TargetGroup> listed, Collection<String> names) {
    Map<String, String> wanted = new HashMap<>();
    names.forEach(name -> wanted.putIfAbsent(fold(name), name));
    Map<String, TargetGroup> found = new HashMap<>();
    Set<String> seen = new HashSet<>();
    try (listed) {
      listed.forEach(
          group -> {
            String folded = fold(group.displayName());
            String name = wanted.get(folded);
            if (name != null && seen.add(folded)) {
              found.put(name, group);
            }
          });
    }
    return found;
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
