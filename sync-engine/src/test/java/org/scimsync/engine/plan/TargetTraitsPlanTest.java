package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.plan.SyncPolicy.GroupDeprovision;
import org.scimsync.engine.plan.SyncPolicy.UserDeprovision;
import org.scimsync.engine.target.TargetTraits;

/** How the planner follows what it knows of the target's behaviour. */
class TargetTraitsPlanTest {

  private static final SyncPolicy DELETE =
      new SyncPolicy(UserDeprovision.DELETE, GroupDeprovision.DELETE, 100, 100, Duration.ZERO, 1);
  private static final TargetTraits KEEPS_MEMBERSHIPS = new TargetTraits(Set.of(), Set.of(), false);

  private static PlanInputs leaverInAGroup() {
    return new PlanInputs()
        .targetUser("u1", "k1", "ann@x", null)
        .userLink("k1", "u1", "h", false)
        .syncedUser("k2", "u2", "bob@x")
        .syncedGroup("g1", "t1", "team", "k2")
        .pushed("g1", "k1", "k2");
  }

  @Test
  void aLeaverIsRemovedFromItsGroupsBeforeItsDeletionWhereTheTargetKeepsMemberships() {
    PlanInputs in = leaverInAGroup();

    Plan plan = Planner.plan(in.desired(), in.observed(), in.stored(), DELETE, KEEPS_MEMBERSHIPS);

    assertThat(plan.changes())
        .map(PlannerTest::describe)
        .containsExactly("UPDATE_MEMBERS team +[] -[k1]", "DELETE_USER ann@x");
    assertThat(plan.changes().get(0).reason()).contains("to be deleted: removed first");
    assertThat(plan.toText()).contains("~ members of group team: +0 -1");
  }

  @Test
  void aLeaverIsOnlyDeletedWhereTheTargetDropsMembershipsWithTheUser() {
    PlanInputs in = leaverInAGroup();

    Plan plan =
        Planner.plan(in.desired(), in.observed(), in.stored(), DELETE, TargetTraits.STANDARD);

    assertThat(plan.changes()).map(PlannerTest::describe).containsExactly("DELETE_USER ann@x");
  }

  @Test
  void attributesTheTargetDoesNotKeepAreNeverPatched() {
    PlanInputs in =
        new PlanInputs()
            .desiredUser("k1", "ann@x", null)
            .targetUser("u1", null, "ann@x", null)
            .userLink("k1", "u1", "old-hash", false);
    in.targetUsers.get(0).resource().remove("displayName");
    in.targetUsers.get(0).resource().with("name").put("formatted", "Given Family");

    Plan standard =
        Planner.plan(in.desired(), in.observed(), in.stored(), DELETE, TargetTraits.STANDARD);
    Plan adapted =
        Planner.plan(
            in.desired(),
            in.observed(),
            in.stored(),
            DELETE,
            new TargetTraits(
                Set.of("displayName", "externalId", "name.formatted"), Set.of(), true));

    assertThat(standard.changes())
        .map(PlannerTest::describe)
        .containsExactly(
            "UPDATE_USER ann@x [REPLACE displayName, REMOVE name.formatted, REPLACE externalId]");
    assertThat(adapted.changes()).isEmpty();
  }
}
