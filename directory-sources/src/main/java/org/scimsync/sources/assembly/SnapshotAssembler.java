package org.scimsync.sources.assembly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;

/**
 * Turns the entries a source read into a {@link DirectorySnapshot}: resolves member references to
 * users and nested groups, flattens nesting when {@link NestedGroups#FLATTEN}, and fills the group
 * names of every user and group. Used by every directory source.
 *
 * <p>A <em>reference</em> is how the source points at an entry from a group's member list: the
 * normalised DN for LDIF and LDAP, the key for CSV. A member reference that names a user becomes
 * that user's key; one that names a group is a nested group; anything else (an entry outside the
 * read scope) is dropped, with one warning per group. When a reference names both a user and a
 * group, the user wins.
 *
 * <p>Duplicates: the first entry with a given key (or reference) wins; later ones are skipped with
 * a warning naming both entries. Skipping rather than failing keeps one broken entry from stopping
 * the whole directory; keeping the first keeps the result deterministic for a given input.
 *
 * <p>Not thread-safe: one assembler per read.
 */
public final class SnapshotAssembler {

  private static final int NONE = -1;

  private final NestedGroups nested;
  private final Map<String, Integer> referenceIds = new HashMap<>();
  private final List<String> referenceNames = new ArrayList<>();
  private final List<UserDraft> users = new ArrayList<>();
  private final List<GroupDraft> groups = new ArrayList<>();
  private final Map<String, String> userOrigins = new HashMap<>();
  private final Map<String, String> groupOrigins = new HashMap<>();
  private final Map<Integer, String> referenceOrigins = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();

  public SnapshotAssembler(NestedGroups nested) {
    this.nested = Objects.requireNonNull(nested, "nested");
  }

  /**
   * Adds a user.
   *
   * @param reference how group member lists point at this user (normalised DN, or the CSV key)
   * @param origin where the entry came from, for warnings (e.g. {@code directory.ldif line 12})
   * @return false when the user was skipped as a duplicate (a warning was recorded)
   */
  public boolean addUser(
      String reference,
      String key,
      @Nullable String dn,
      Map<String, List<Object>> attributes,
      String origin) {
    int ref = claim(userOrigins, key, "user key", reference, origin);
    if (ref == NONE) {
      return false;
    }
    users.add(new UserDraft(ref, key, dn, attributes));
    return true;
  }

  /**
   * Adds a group.
   *
   * @param reference how other groups' member lists point at this group
   * @param memberReferences the group's direct member references, in source order
   * @param origin where the entry came from, for warnings
   * @return false when the group was skipped as a duplicate (a warning was recorded)
   */
  public boolean addGroup(
      String reference,
      String key,
      String name,
      @Nullable String dn,
      Map<String, List<Object>> attributes,
      Collection<String> memberReferences,
      String origin) {
    int ref = claim(groupOrigins, key, "group key", reference, origin);
    if (ref == NONE) {
      return false;
    }
    int[] members = new int[memberReferences.size()];
    int i = 0;
    for (String member : memberReferences) {
      members[i++] = referenceId(member);
    }
    groups.add(new GroupDraft(ref, key, name, dn, attributes, members, origin));
    return true;
  }

  /** Records a warning about an entry that was skipped or altered while reading. */
  public void warn(String warning) {
    warnings.add(Objects.requireNonNull(warning, "warning"));
  }

  /** Resolves memberships and returns the snapshot; call once, after every entry was added. */
  public DirectorySnapshot build(String source, Instant readAt) {
    int[] userByRef = new int[referenceIds.size()];
    int[] groupByRef = new int[referenceIds.size()];
    Arrays.fill(userByRef, NONE);
    Arrays.fill(groupByRef, NONE);
    for (int u = 0; u < users.size(); u++) {
      userByRef[users.get(u).reference()] = u;
    }
    for (int g = 0; g < groups.size(); g++) {
      groupByRef[groups.get(g).reference()] = g;
    }
    List<int[]> directUsers = new ArrayList<>(groups.size());
    List<int[]> childGroups = new ArrayList<>(groups.size());
    for (int g = 0; g < groups.size(); g++) {
      resolveDirectMembers(g, userByRef, groupByRef, directUsers, childGroups);
    }
    List<List<Integer>> reached = new ArrayList<>(groups.size());
    for (int g = 0; g < groups.size(); g++) {
      reached.add(
          nested == NestedGroups.FLATTEN
              ? NestedMembers.descendants(g, childGroups)
              : Arrays.stream(childGroups.get(g)).boxed().toList());
    }
    List<TreeSet<String>> parentGroups = parentGroups(reached);
    int[][] members = new int[groups.size()][];
    int[] seen = new int[users.size()];
    int[] groupCounts = new int[users.size()];
    for (int g = 0; g < groups.size(); g++) {
      List<Integer> nestedGroups = nested == NestedGroups.FLATTEN ? reached.get(g) : List.of();
      members[g] = NestedMembers.members(g, directUsers.get(g), nestedGroups, directUsers, seen);
      for (int u : members[g]) {
        groupCounts[u]++;
      }
    }
    List<SourceUser> builtUsers = buildUsers(members, groupCounts);
    List<SourceGroup> builtGroups = new ArrayList<>(groups.size());
    for (int g = 0; g < groups.size(); g++) {
      GroupDraft group = groups.get(g);
      String[] keys = new String[members[g].length];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = users.get(members[g][i]).key();
      }
      TreeSet<String> parents = parentGroups.get(g);
      builtGroups.add(
          new SourceGroup(
              group.key(),
              group.name(),
              group.dn(),
              group.attributes(),
              List.of(keys),
              parents == null ? List.of() : List.copyOf(parents)));
    }
    return new DirectorySnapshot(source, readAt, builtUsers, builtGroups, warnings);
  }

  /**
   * The names of the groups each group is in, from the groups each group {@code reached}: its
   * direct children, or every descendant when flattening. Null for a group in none.
   */
  private List<TreeSet<String>> parentGroups(List<List<Integer>> reached) {
    List<TreeSet<String>> parents = new ArrayList<>(Collections.nCopies(groups.size(), null));
    for (int g = 0; g < groups.size(); g++) {
      for (int child : reached.get(g)) {
        if (parents.get(child) == null) {
          parents.set(child, new TreeSet<>());
        }
        parents.get(child).add(groups.get(g).name());
      }
    }
    return parents;
  }

  /** The users with the sorted names of their groups. */
  private List<SourceUser> buildUsers(int[][] members, int[] groupCounts) {
    String[][] names = new String[users.size()][];
    for (int u = 0; u < users.size(); u++) {
      names[u] = new String[groupCounts[u]];
    }
    int[] filled = new int[users.size()];
    for (int g = 0; g < members.length; g++) {
      String name = groups.get(g).name();
      for (int u : members[g]) {
        names[u][filled[u]++] = name;
      }
    }
    List<SourceUser> built = new ArrayList<>(users.size());
    for (int u = 0; u < users.size(); u++) {
      UserDraft user = users.get(u);
      built.add(new SourceUser(user.key(), user.dn(), user.attributes(), sortedDistinct(names[u])));
    }
    return built;
  }

  private static List<String> sortedDistinct(String[] names) {
    if (names.length < 2) {
      return List.of(names);
    }
    Arrays.sort(names);
    int count = 1;
    for (int i = 1; i < names.length; i++) {
      if (!names[i].equals(names[count - 1])) {
        names[count++] = names[i];
      }
    }
    return List.of(Arrays.copyOf(names, count));
  }

  private void resolveDirectMembers(
      int g, int[] userByRef, int[] groupByRef, List<int[]> directUsers, List<int[]> childGroups) {
    GroupDraft group = groups.get(g);
    int[] memberRefs = group.members();
    int[] userMembers = new int[memberRefs.length];
    int[] groupMembers = new int[memberRefs.length];
    int userCount = 0;
    int groupCount = 0;
    int unresolved = 0;
    int firstUnresolved = NONE;
    for (int ref : memberRefs) {
      if (userByRef[ref] != NONE) {
        userMembers[userCount++] = userByRef[ref];
      } else if (groupByRef[ref] != NONE) {
        if (groupByRef[ref] != g) {
          groupMembers[groupCount++] = groupByRef[ref];
        }
      } else {
        if (firstUnresolved == NONE) {
          firstUnresolved = ref;
        }
        unresolved++;
      }
    }
    if (unresolved > 0) {
      warnings.add(
          String.format(
              "%s: group %s has %d member reference(s) that are neither users nor groups of this"
                  + " source (dropped), e.g. %s",
              group.origin(), group.name(), unresolved, referenceName(firstUnresolved)));
    }
    directUsers.add(Arrays.copyOf(userMembers, userCount));
    childGroups.add(Arrays.copyOf(groupMembers, groupCount));
  }

  /**
   * Claims {@code key} and {@code reference} for the entry at {@code origin}; returns the
   * reference's id, or {@link #NONE} with a warning when either was claimed before.
   */
  private int claim(
      Map<String, String> origins, String key, String what, String reference, String origin) {
    String first = origins.putIfAbsent(key, origin);
    if (first != null) {
      warnings.add(
          String.format(
              "%s: duplicate %s %s (first seen at %s); entry skipped", origin, what, key, first));
      return NONE;
    }
    int ref = referenceId(reference);
    first = referenceOrigins.putIfAbsent(ref, origin);
    if (first != null) {
      origins.remove(key);
      warnings.add(
          String.format(
              "%s: duplicate entry %s (first seen at %s); entry skipped",
              origin, reference, first));
      return NONE;
    }
    return ref;
  }

  private int referenceId(String reference) {
    Integer id = referenceIds.putIfAbsent(reference, referenceNames.size());
    if (id != null) {
      return id;
    }
    referenceNames.add(reference);
    return referenceNames.size() - 1;
  }

  private String referenceName(int ref) {
    return referenceNames.get(ref);
  }

  private record UserDraft(
      int reference, String key, @Nullable String dn, Map<String, List<Object>> attributes) {}

  private record GroupDraft(
      int reference,
      String key,
      String name,
      @Nullable String dn,
      Map<String, List<Object>> attributes,
      int[] members,
      String origin) {}
}
