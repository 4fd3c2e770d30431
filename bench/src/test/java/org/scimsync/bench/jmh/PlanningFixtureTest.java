package org.scimsync.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.plan.ObservedState;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.Planner;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.state.StoredState;
import org.scimsync.mapping.MappingResult;

/** The benchmark inputs are what the benchmarks claim: a matching target and an empty one. */
class PlanningFixtureTest {

  private static final PlanningFixture FIXTURE = PlanningFixture.generate(300, 30);

  @Test
  void matchingTargetGivesAnEmptyPlanThatComparesEveryObject() {
    Plan plan =
        Planner.plan(
            FIXTURE.desired(),
            FIXTURE.matchingTarget(),
            FIXTURE.matchingState(),
            SyncPolicy.defaults());

    assertThat(plan.changes()).isEmpty();
    assertThat(FIXTURE.desired().users()).hasSize(300);
    assertThat(FIXTURE.desired().groups()).hasSize(30);
    assertThat(FIXTURE.objects()).isEqualTo(330);
  }

  @Test
  void emptyTargetGivesACreateForEveryObject() {
    Plan plan =
        Planner.plan(
            FIXTURE.desired(),
            ObservedState.complete(List.of(), List.of()),
            StoredState.empty(),
            SyncPolicy.defaults());

    assertThat(plan.changes().stream().filter(c -> c instanceof Change.CreateUser)).hasSize(300);
    assertThat(plan.changes().stream().filter(c -> c instanceof Change.CreateGroup)).hasSize(30);
  }

  @Test
  void rulesMapEveryGeneratedUser() {
    assertThat(FIXTURE.snapshot().users())
        .allSatisfy(
            user ->
                assertThat(FIXTURE.rules().mapUser(user)).isInstanceOf(MappingResult.Mapped.class));
  }
}
