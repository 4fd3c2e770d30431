package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scimsync.engine.plan.SyncPolicy.GroupDeprovision;
import org.scimsync.engine.plan.SyncPolicy.UserDeprovision;
import org.scimsync.engine.target.AttributeChange;

class PlannerTest {

  private static final SyncPolicy DELETE =
      new SyncPolicy(UserDeprovision.DELETE, GroupDeprovision.DELETE, 100, 100, Duration.ZERO, 1);

  static Stream<Arguments> scenarios() {
    return Stream.of(
        scenario(
            "new user is created",
            () -> new PlanInputs().desiredUser("k1", "alice@example.org", null),
            DELETE,
            "CREATE_USER alice@example.org"),
        scenario(
            "changed title is replaced",
            () ->
                new PlanInputs()
                    .desiredUser("k1", "alice@example.org", "Engineer")
                    .targetUser("u1", "k1", "alice@example.org", "Intern")
                    .userLink("k1", "u1", "old", false),
            DELETE,
            "UPDATE_USER alice@example.org [REPLACE title]"),
        scenario(
            "cleared title is removed explicitly",
            () ->
                new PlanInputs()
                    .desiredUser("k1", "alice@example.org", null)
                    .targetUser("u1", "k1", "alice@example.org", "Intern")
                    .userLink("k1", "u1", "old", false),
            DELETE,
            "UPDATE_USER alice@example.org [REMOVE title]"),
        scenario(
            "unlinked user with the same externalId is adopted",
            () ->
                new PlanInputs()
                    .desiredUser("k1", "alice@example.org", null)
                    .targetUser("u9", "k1", "alice@example.org", null),
            DELETE,
            "ADOPT_USER alice@example.org []"),
        scenario(
            "unlinked user with the same userName in another case is adopted, externalId set",
            () ->
                new PlanInputs()
                    .desiredUser("k1", "alice@example.org", null)
                    .targetUser("u9", null, "Alice@Example.org", null),
            DELETE,
            "ADOPT_USER alice@example.org [REPLACE displayName, REPLACE userName, REPLACE"
                + " externalId]"),
        scenario(
            "user that left is deleted",
            () ->
                new PlanInputs()
                    .targetUser("u1", "k1", "bob@x", null)
                    .userLink("k1", "u1", "h", false),
            DELETE,
            "DELETE_USER bob@x"),
        scenario(
            "user that left is disabled",
            () ->
                new PlanInputs()
                    .targetUser("u1", "k1", "bob@x", null)
                    .userLink("k1", "u1", "h", false),
            policy(UserDeprovision.DISABLE),
            "DISABLE_USER bob@x"),
        scenario(
            "user that left is kept",
            () ->
                new PlanInputs()
                    .targetUser("u1", "k1", "bob@x", null)
                    .userLink("k1", "u1", "h", false),
            policy(UserDeprovision.KEEP)),
        scenario(
            "disabled user who is back is enabled again",
            () ->
                new PlanInputs()
                    .desiredUser("k1", "bob@x", null)
                    .targetUser("u1", "k1", "bob@x", null)
                    .userLink("k1", "u1", "disabled", true),
            policy(UserDeprovision.DISABLE),
            "UPDATE_USER bob@x [REPLACE active]"),
        scenario(
            "new group is created with its members",
            () ->
                new PlanInputs()
                    .syncedUser("k1", "u1", "alice@x")
                    .desiredUser("k2", "bob@x", null)
                    .desiredGroup("g1", "aws-admins", "k1", "k2"),
            DELETE,
            "CREATE_USER bob@x",
            "CREATE_GROUP aws-admins [k1, k2]"),
        scenario(
            "renamed group is patched in place",
            () ->
                new PlanInputs()
                    .desiredGroup("g1", "aws-platform")
                    .targetGroup("t1", "g1", "aws-admins")
                    .groupLink("g1", "t1"),
            DELETE,
            "UPDATE_GROUP aws-platform [REPLACE displayName] t1"),
        scenario(
            "unlinked group with the same displayName is adopted",
            () ->
                new PlanInputs()
                    .desiredGroup("g1", "aws-admins")
                    .targetGroup("t1", null, "AWS-Admins"),
            DELETE,
            "ADOPT_GROUP aws-admins [REPLACE displayName, REPLACE externalId]"),
        scenario(
            "new and leaving members are added and removed",
            () ->
                new PlanInputs()
                    .syncedUser("k1", "u1", "alice@x")
                    .syncedUser("k2", "u2", "bob@x")
                    .syncedGroup("g1", "t1", "aws-admins", "k2")
                    .pushed("g1", "k1"),
            DELETE,
            "UPDATE_MEMBERS aws-admins +[k2] -[k1]"),
        scenario(
            "group that left is deleted",
            () -> new PlanInputs().targetGroup("t1", "g1", "aws-old").groupLink("g1", "t1"),
            DELETE,
            "DELETE_GROUP aws-old"),
        scenario(
            "group that left is kept",
            () -> new PlanInputs().targetGroup("t1", "g1", "aws-old").groupLink("g1", "t1"),
            new SyncPolicy(
                UserDeprovision.DELETE, GroupDeprovision.KEEP, 100, 100, Duration.ZERO, 1)),
        scenario(
            "linked user that vanished from the target is created again",
            () ->
                new PlanInputs()
                    .desiredUser("k1", "alice@x", null)
                    .userLink("k1", "u1", "h", false),
            DELETE,
            "CREATE_USER alice@x"),
        scenario(
            "unmanaged target objects are left alone",
            () ->
                new PlanInputs()
                    .targetUser("u1", null, "controltower@x", null)
                    .targetGroup("t1", null, "AWSControlTowerAdmins"),
            DELETE),
        scenario(
            "incremental run skips unchanged objects it did not read",
            () ->
                new PlanInputs()
                    .desiredUser("k1", "alice@x", null)
                    .userLink(
                        "k1", "u1", ContentHash.of(PlanInputs.userResource("alice@x", null)), false)
                    .incremental(),
            DELETE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void plansTheExpectedChanges(
      String name, Supplier<PlanInputs> inputs, SyncPolicy policy, List<String> expected) {
    PlanInputs in = inputs.get();
    Plan plan = Planner.plan(in.desired(), in.observed(), in.stored(), policy);
    assertThat(plan.changes()).map(PlannerTest::describe).containsExactlyElementsOf(expected);
  }

  @Test
  void listsUnmanagedObjectsWithoutTouchingThem() {
    PlanInputs in =
        new PlanInputs()
            .syncedUser("k1", "u1", "alice@x")
            .targetUser("u2", null, "controltower@x", null)
            .targetGroup("t1", null, "AWSControlTowerAdmins");
    Plan plan = Planner.plan(in.desired(), in.observed(), in.stored(), DELETE);
    assertThat(plan.changes()).isEmpty();
    assertThat(plan.unmanaged())
        .extracting(UnmanagedObject::label)
        .containsExactly("controltower@x", "AWSControlTowerAdmins");
    assertThat(plan.counts().unmanaged()).isEqualTo(2);
  }

  @Test
  void ordersUsersThenGroupsThenMembershipsThenRemovals() {
    PlanInputs in =
        new PlanInputs()
            .targetUser("u9", "gone", "gone@x", null)
            .userLink("gone", "u9", "h", false)
            .targetGroup("t9", "gg", "aws-gone")
            .groupLink("gg", "t9")
            .syncedUser("k1", "u1", "alice@x")
            .syncedGroup("g1", "t1", "aws-a", "k1", "k2")
            .pushed("g1", "k1")
            .desiredUser("k2", "bob@x", null)
            .desiredGroup("g2", "aws-b", "k2");
    Plan plan = Planner.plan(in.desired(), in.observed(), in.stored(), DELETE);
    assertThat(plan.changes())
        .map(Change::changeName)
        .containsExactly(
            "CREATE_USER", "CREATE_GROUP", "UPDATE_MEMBERS", "DELETE_USER", "DELETE_GROUP");
  }

  @Test
  void doesNotRemoveMembershipsOfDeletedUsersSeparately() {
    PlanInputs in =
        new PlanInputs()
            .targetUser("u2", "k2", "bob@x", null)
            .userLink("k2", "u2", "h", false)
            .syncedGroup("g1", "t1", "aws-a")
            .pushed("g1", "k2");
    Plan plan = Planner.plan(in.desired(), in.observed(), in.stored(), DELETE);
    assertThat(plan.changes()).map(PlannerTest::describe).containsExactly("DELETE_USER bob@x");
  }

  @Test
  void skipsADesiredUserWhoseNameBelongsToAnotherManagedUser() {
    PlanInputs in =
        new PlanInputs().syncedUser("k1", "u1", "alice@x").desiredUser("k2", "ALICE@x", null);
    Plan plan = Planner.plan(in.desired(), in.observed(), in.stored(), DELETE);
    assertThat(plan.changes()).isEmpty();
    assertThat(plan.warnings()).anyMatch(w -> w.contains("k2") && w.contains("another source"));
  }

  private static SyncPolicy policy(UserDeprovision users) {
    return new SyncPolicy(users, GroupDeprovision.DELETE, 100, 100, Duration.ZERO, 1);
  }

  private static Arguments scenario(
      String name, Supplier<PlanInputs> inputs, SyncPolicy policy, String... expected) {
    return Arguments.of(name, inputs, policy, List.of(expected));
  }

  static String describe(Change change) {
    String base = change.changeName() + " " + change.label();
    if (change instanceof Change.UpdateUser c) {
      return base + " " + ops(c.changes());
    } else if (change instanceof Change.AdoptUser c) {
      return base + " " + ops(c.changes());
    } else if (change instanceof Change.UpdateGroup c) {
      return base + " " + ops(c.changes()) + " " + c.targetId();
    } else if (change instanceof Change.AdoptGroup c) {
      return base + " " + ops(c.changes());
    } else if (change instanceof Change.CreateGroup c) {
      return base + " " + c.memberKeys();
    } else if (change instanceof Change.UpdateMembers c) {
      return base + " +" + c.addKeys() + " -" + c.removeKeys();
    }
    return base;
  }

  private static String ops(List<AttributeChange> changes) {
    return changes.stream().map(c -> c.op() + " " + c.scimPath()).toList().toString();
  }
}
