package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.plan.SyncPolicy.GroupDeprovision;
import org.scimsync.engine.plan.SyncPolicy.UserDeprovision;
import org.scimsync.engine.target.TargetUser;

/** The memo of user differences worked out while the target is listed. */
class UserDiffsTest {

  private static final SyncPolicy DELETE =
      new SyncPolicy(UserDeprovision.DELETE, GroupDeprovision.DELETE, 100, 100, Duration.ZERO, 1);

  @Test
  void worksOutOnlyLinkedUsersWithADesiredCounterpart() {
    PlanInputs in =
        new PlanInputs()
            .desiredUser("k1", "alice@x", "Engineer")
            .targetUser("u1", "k1", "alice@x", "Intern")
            .userLink("k1", "u1", "old", false)
            .targetUser("u2", null, "stranger@x", null)
            .targetUser("u3", "k3", "gone@x", null)
            .userLink("k3", "u3", "old", false);
    UserDiffs diffs = UserDiffs.forLinked(in.desired(), in.stored());

    in.targetUsers.forEach(diffs::add);

    assertThat(diffs.size()).isEqualTo(1);
  }

  @Test
  void thePlanIsTheSameWithTheDifferencesWorkedOutAhead() {
    PlanInputs in =
        new PlanInputs()
            .desiredUser("k1", "alice@x", "Engineer")
            .targetUser("u1", "k1", "alice@x", "Intern")
            .userLink("k1", "u1", "old", false)
            .syncedUser("k2", "u2", "bob@x")
            .desiredUser("k3", "carol@x", null)
            .targetUser("u3", "k3", "carol@x", "Intern")
            .userLink("k3", "u3", "old", true);
    UserDiffs diffs = UserDiffs.forLinked(in.desired(), in.stored());
    in.targetUsers.forEach(diffs::add);

    Plan without = Planner.plan(in.desired(), in.observed(), in.stored(), DELETE);
    Plan with = Planner.plan(in.desired(), withDiffs(in, diffs), in.stored(), DELETE);

    assertThat(with.changes())
        .map(PlannerTest::describe)
        .containsExactly(
            "UPDATE_USER alice@x [REPLACE title]",
            "UPDATE_USER carol@x [REMOVE title, REPLACE active]");
    assertThat(with.changes())
        .map(PlannerTest::describe)
        .containsExactlyElementsOf(without.changes().stream().map(PlannerTest::describe).toList());
    assertThat(with.linkUpdates()).isEqualTo(without.linkUpdates());
  }

  @Test
  void aMemoWorkedOutForAnotherDesiredUserIsNotUsed() {
    // worked out while the desired title was Engineer; the plan is made for a desired user whose
    // title equals the target's, so nothing may change
    PlanInputs earlier =
        new PlanInputs()
            .desiredUser("k1", "alice@x", "Engineer")
            .targetUser("u1", "k1", "alice@x", "Intern")
            .userLink("k1", "u1", "old", false);
    UserDiffs diffs = UserDiffs.forLinked(earlier.desired(), earlier.stored());
    TargetUser listed = earlier.targetUsers.get(0);
    diffs.add(listed);
    assertThat(diffs.size()).isEqualTo(1);

    PlanInputs now = new PlanInputs().desiredUser("k1", "alice@x", "Intern");
    now.targetUsers.add(listed);
    now.userLink("k1", "u1", "old", false);
    Plan plan = Planner.plan(now.desired(), withDiffs(now, diffs), now.stored(), DELETE);

    assertThat(plan.changes()).isEmpty();
  }

  @Test
  void aMemoWorkedOutForAnotherTargetObjectWithTheSameIdIsNotUsed() {
    PlanInputs in =
        new PlanInputs()
            .desiredUser("k1", "alice@x", "Engineer")
            .targetUser("u1", "k1", "alice@x", "Intern")
            .userLink("k1", "u1", "old", false);
    UserDiffs diffs = UserDiffs.forLinked(in.desired(), in.stored());
    diffs.add(in.targetUsers.get(0));
    // the same id listed again, now already holding the desired title
    PlanInputs relisted = new PlanInputs().targetUser("u1", "k1", "alice@x", "Engineer");

    ObservedState observed = new ObservedState(true, relisted.targetUsers, List.of(), null, diffs);
    Plan plan = Planner.plan(in.desired(), observed, in.stored(), DELETE);

    assertThat(plan.changes()).isEmpty();
  }

  private static ObservedState withDiffs(PlanInputs in, UserDiffs diffs) {
    return new ObservedState(in.complete, in.targetUsers, in.targetGroups, null, diffs);
  }
}
