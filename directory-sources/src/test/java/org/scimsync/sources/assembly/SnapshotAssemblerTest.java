package org.scimsync.sources.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.sources.assembly.Snapshots.group;
import static org.scimsync.sources.assembly.Snapshots.user;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.source.DirectorySnapshot;

class SnapshotAssemblerTest {

  private static SnapshotAssembler withUsers(NestedGroups nested, String... keys) {
    SnapshotAssembler assembler = new SnapshotAssembler(nested);
    for (String key : keys) {
      assembler.addUser("ref-" + key, key, null, Map.of("uid", List.of(key)), "line of " + key);
    }
    return assembler;
  }

  /** a = {u1, b}, b = {u2, a}, c = {u3, b}: a cycle between a and b, c above both. */
  private static SnapshotAssembler cycle(NestedGroups nested) {
    SnapshotAssembler assembler = withUsers(nested, "u1", "u2", "u3");
    assembler.addGroup("ref-a", "ga", "a", null, Map.of(), List.of("ref-u1", "ref-b"), "a");
    assembler.addGroup("ref-b", "gb", "b", null, Map.of(), List.of("ref-u2", "ref-a"), "b");
    assembler.addGroup("ref-c", "gc", "c", null, Map.of(), List.of("ref-u3", "ref-b"), "c");
    return assembler;
  }

  @Test
  void flattensNestedGroupsThroughACycleListingEachMemberOnce() {
    DirectorySnapshot snapshot = cycle(NestedGroups.FLATTEN).build("test", Instant.EPOCH);

    assertThat(group(snapshot, "a").memberKeys()).containsExactly("u1", "u2");
    assertThat(group(snapshot, "b").memberKeys()).containsExactly("u2", "u1");
    assertThat(group(snapshot, "c").memberKeys()).containsExactly("u3", "u2", "u1");
    assertThat(user(snapshot, "u1").groups()).containsExactly("a", "b", "c");
    assertThat(user(snapshot, "u3").groups()).containsExactly("c");
    assertThat(group(snapshot, "a").groups()).containsExactly("b", "c");
    assertThat(group(snapshot, "c").groups()).isEmpty();
    assertThat(snapshot.membershipCount()).isEqualTo(7);
    assertThat(snapshot.warnings()).isEmpty();
  }

  @Test
  void ignoreKeepsOnlyDirectUserMembersAndDirectParents() {
    DirectorySnapshot snapshot = cycle(NestedGroups.IGNORE).build("test", Instant.EPOCH);

    assertThat(group(snapshot, "a").memberKeys()).containsExactly("u1");
    assertThat(group(snapshot, "c").memberKeys()).containsExactly("u3");
    assertThat(user(snapshot, "u1").groups()).containsExactly("a");
    assertThat(group(snapshot, "b").groups()).containsExactly("a", "c");
  }

  @Test
  void dropsReferencesToUnknownEntriesWithOneWarningPerGroup() {
    SnapshotAssembler assembler = withUsers(NestedGroups.FLATTEN, "u1");
    assembler.addGroup(
        "ref-g",
        "g",
        "staff",
        null,
        Map.of(),
        List.of("ref-u1", "ref-ghost", "ref-other", "ref-u1", "ref-g"),
        "groups.csv line 4");

    DirectorySnapshot snapshot = assembler.build("test", Instant.EPOCH);

    assertThat(group(snapshot, "staff").memberKeys()).containsExactly("u1");
    assertThat(snapshot.warnings())
        .singleElement()
        .asString()
        .contains("groups.csv line 4", "staff", "2 member reference(s)", "ref-ghost");
  }

  @Test
  void keepsTheFirstOfTwoUsersWithTheSameKeyAndWarnsNamingBoth() {
    SnapshotAssembler assembler = new SnapshotAssembler(NestedGroups.FLATTEN);
    assertThat(assembler.addUser("dn1", "k", "dn1", Map.of("cn", List.of("first")), "line 1"))
        .isTrue();
    assertThat(assembler.addUser("dn2", "k", "dn2", Map.of("cn", List.of("second")), "line 9"))
        .isFalse();
    assembler.addGroup("g", "g", "g", null, Map.of(), List.of("dn1", "dn2"), "line 20");

    DirectorySnapshot snapshot = assembler.build("test", Instant.EPOCH);

    assertThat(snapshot.users())
        .singleElement()
        .satisfies(u -> assertThat(u.dn()).isEqualTo("dn1"));
    assertThat(snapshot.warnings().get(0)).contains("line 9", "duplicate user key k", "line 1");
    // the skipped entry's DN is not a user, so the group reports it as unknown
    assertThat(snapshot.warnings().get(1)).contains("dn2");
    assertThat(group(snapshot, "g").memberKeys()).containsExactly("k");
  }

  @Test
  void refusesASecondGroupWithTheSameReference() {
    SnapshotAssembler assembler = withUsers(NestedGroups.FLATTEN, "u1");
    assertThat(assembler.addGroup("ref-u1", "g1", "g1", null, Map.of(), List.of(), "line 5"))
        .isFalse();

    DirectorySnapshot snapshot = assembler.build("test", Instant.EPOCH);

    assertThat(snapshot.groups()).isEmpty();
    assertThat(snapshot.warnings()).singleElement().asString().contains("line 5", "ref-u1");
  }

  @Test
  void exposesCountsAndSourceOfTheSnapshot() {
    SnapshotAssembler assembler = withUsers(NestedGroups.FLATTEN, "u1", "u2");
    assembler.addGroup("ref-g", "g", "g", null, Map.of(), List.of("ref-u1", "ref-u2"), "x");

    DirectorySnapshot snapshot = assembler.build("ldif:/tmp/x.ldif", Instant.ofEpochSecond(5));

    assertThat(snapshot.source()).isEqualTo("ldif:/tmp/x.ldif");
    assertThat(snapshot.readAt()).isEqualTo(Instant.ofEpochSecond(5));
    assertThat(snapshot.userCount()).isEqualTo(2);
    assertThat(snapshot.groupCount()).isEqualTo(1);
    assertThat(snapshot.membershipCount()).isEqualTo(2);
  }
}
