package org.scimsync.engine.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.plan.SafetyVerdict;
import org.scimsync.engine.plan.SyncPolicy;

class SafetyGuardsTest {

  @ParameterizedTest(name = "{0} deletes of {1} managed, max {2}/{3}%, source {4}, allow {5}")
  @CsvSource({
    "0, 10, 5, 10, 10, false, PASSED",
    "1, 100, 5, 10, 10, false, PASSED",
    "5, 100, 5, 10, 10, false, PASSED",
    "6, 100, 5, 10, 10, false, DESTRUCTIVE_WITHHELD",
    "3, 20, 5, 10, 10, false, DESTRUCTIVE_WITHHELD",
    "2, 20, 5, 10, 10, false, PASSED",
    "6, 100, 5, 10, 10, true, PASSED",
    "0, 10, 5, 10, 0, false, STOPPED",
    "0, 10, 5, 10, 0, true, STOPPED",
    "0, 0, 5, 10, 0, false, PASSED"
  })
  void decides(
      int deletes,
      int managed,
      int maxDeletes,
      int maxPercent,
      int sourceUsers,
      boolean allowDeletes,
      SafetyVerdict.Outcome expected) {
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < deletes; i++) {
      changes.add(new Change.DeleteUser("k" + i, "id" + i, "user" + i, "left"));
    }
    changes.add(new Change.UpdateUser("x", "idx", "x", List.of(), "h", "differs", null));
    SyncPolicy policy =
        new SyncPolicy(
            SyncPolicy.UserDeprovision.DELETE,
            SyncPolicy.GroupDeprovision.DELETE,
            maxDeletes,
            maxPercent,
            Duration.ofHours(1),
            1);

    SafetyVerdict verdict =
        SafetyGuards.evaluate(changes, sourceUsers, managed, managed, policy, allowDeletes);

    assertThat(verdict.outcome()).isEqualTo(expected);
    if (expected != SafetyVerdict.Outcome.PASSED) {
      assertThat(verdict.message()).isNotBlank();
      assertThat(verdict.withheld()).hasSize(deletes);
    }
  }
}
