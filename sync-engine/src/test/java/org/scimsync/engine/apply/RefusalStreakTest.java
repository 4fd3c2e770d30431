package org.scimsync.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scimsync.engine.target.TargetException;

class RefusalStreakTest {

  private static TargetException refusal(int status, String detail) {
    return new TargetException(
        TargetException.Kind.BAD_REQUEST, status, "HTTP " + status + ": " + detail, detail, null);
  }

  @Test
  void stopsAtTheLimitAndNotOneBefore() {
    RefusalStreak streak = new RefusalStreak(3);
    assertThat(streak.refused("CREATE_USER", refusal(400, "bad user \"alice\" (id 1)"))).isNull();
    assertThat(streak.refused("CREATE_USER", refusal(400, "bad user \"bob\" (id 2)"))).isNull();
    assertThat(streak.refused("CREATE_USER", refusal(400, "bad user \"carol\" (id 3)")))
        .contains("refused 3 writes in a row")
        .contains("bad user \"carol\" (id 3)");
  }

  @Test
  void anAppliedChangeEndsTheStreak() {
    RefusalStreak streak = new RefusalStreak(2);
    streak.refused("CREATE_USER", refusal(400, "no"));
    streak.applied();
    assertThat(streak.refused("CREATE_USER", refusal(400, "no"))).isNull();
    assertThat(streak.refused("CREATE_USER", refusal(400, "no"))).isNotNull();
  }

  @Test
  void anotherShapeStartsAnotherStreak() {
    RefusalStreak streak = new RefusalStreak(2);
    streak.refused("CREATE_USER", refusal(400, "attribute title is not allowed"));
    assertThat(streak.refused("CREATE_USER", refusal(400, "attribute nickName is not allowed")))
        .isNull();
    assertThat(streak.refused("CREATE_USER", refusal(411, "Length Required"))).isNull();
    assertThat(streak.refused("PATCH_USER", refusal(411, "Length Required"))).contains("HTTP 411");
  }

  @Test
  void notFoundConflictsAndUnreachableTargetsDoNotCount() {
    RefusalStreak streak = new RefusalStreak(1);
    assertThat(streak.refused("UPDATE_USER", refusal(404, "gone"))).isNull();
    assertThat(streak.refused("CREATE_USER", refusal(409, "duplicate"))).isNull();
    assertThat(
            streak.refused(
                "CREATE_USER",
                new TargetException(TargetException.Kind.UNAVAILABLE, null, "connection refused")))
        .isNull();
    assertThat(streak.refused("CREATE_USER", refusal(400, "no"))).isNotNull();
  }

  @Test
  void theShapeMasksWhatDiffersFromObjectToObject() {
    assertThat(RefusalStreak.shapeOf("User 'jdoe@example.org' has invalid id 4f2a-99"))
        .isEqualTo(RefusalStreak.shapeOf("User 'ann@example.org' has invalid id 77b1-03"));
    assertThat(RefusalStreak.shapeOf("title is not allowed"))
        .isNotEqualTo(RefusalStreak.shapeOf("nickName is not allowed"));
  }
}
