package org.scimsync.sources.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;

/** Membership invariants of the assembler on random group graphs, cycles included. */
class SnapshotAssemblerPropertiesTest {

  private static final int USERS = 8;
  private static final int GROUPS = 6;

  /**
   * Builds {@value #GROUPS} groups; {@code edges} holds pairs (group, member) where a member below
   * {@value #USERS} is a user and above it a group.
   */
  private static DirectorySnapshot assemble(List<int[]> edges, NestedGroups nested) {
    SnapshotAssembler assembler = new SnapshotAssembler(nested);
    for (int u = 0; u < USERS; u++) {
      assembler.addUser("u" + u, "user-" + u, null, Map.of(), "user " + u);
    }
    for (int g = 0; g < GROUPS; g++) {
      List<String> members = new java.util.ArrayList<>();
      for (int[] edge : edges) {
        if (edge[0] == g) {
          members.add(edge[1] < USERS ? "u" + edge[1] : "g" + (edge[1] - USERS));
        }
      }
      assembler.addGroup(
          "g" + g, "group-" + g, "group-" + g, null, Map.of(), members, "group " + g);
    }
    return assembler.build("test", Instant.EPOCH);
  }

  private static Set<String> reachableUsers(List<int[]> edges, int group, NestedGroups nested) {
    Set<String> users = new HashSet<>();
    Set<Integer> seen = new HashSet<>(List.of(group));
    ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(group));
    while (!queue.isEmpty()) {
      int current = queue.poll();
      for (int[] edge : edges) {
        if (edge[0] != current) {
          continue;
        }
        if (edge[1] < USERS) {
          users.add("user-" + edge[1]);
        } else if (nested == NestedGroups.FLATTEN && seen.add(edge[1] - USERS)) {
          queue.add(edge[1] - USERS);
        }
      }
    }
    return users;
  }

  @Property(tries = 300)
  void membersAreTheReachableUsersEachOnceAndMirrorUserGroups(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = USERS + GROUPS - 1) Integer> targets,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = GROUPS - 1) Integer> sources,
      @ForAll NestedGroups nested) {
    List<int[]> edges = new java.util.ArrayList<>();
    for (int i = 0; i < Math.min(targets.size(), sources.size()); i++) {
      edges.add(new int[] {sources.get(i), targets.get(i)});
    }

    DirectorySnapshot snapshot = assemble(edges, nested);

    for (int g = 0; g < GROUPS; g++) {
      SourceGroup group = snapshot.groups().get(g);
      assertThat(group.memberKeys()).doesNotHaveDuplicates();
      assertThat(Set.copyOf(group.memberKeys())).isEqualTo(reachableUsers(edges, g, nested));
      assertThat(group.groups()).isSorted().doesNotContain(group.name());
    }
    for (SourceUser user : snapshot.users()) {
      assertThat(user.groups()).isSorted().doesNotHaveDuplicates();
      for (SourceGroup group : snapshot.groups()) {
        assertThat(user.groups().contains(group.name()))
            .isEqualTo(group.memberKeys().contains(user.key()));
      }
    }
    assertThat(snapshot.warnings()).isEmpty();
  }
}
