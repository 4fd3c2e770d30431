package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.PlanJson;

class FingerprintsTest {

  private final PlanInputs inputs =
      new PlanInputs()
          .syncedUser("k1", "u1", "ann@example.com")
          .syncedUser("k2", "u2", "bob@example.com")
          .syncedGroup("g1", "t1", "Staff", "k1", "k2");

  @Test
  void aPlansFingerprintsAreThoseOfItsInputs() {
    Plan plan =
        Planner.plan(inputs.desired(), inputs.observed(), inputs.stored(), SyncPolicy.defaults());

    assertThat(plan.fingerprints())
        .isEqualTo(Planner.fingerprints(inputs.desired(), inputs.observed(), inputs.stored()));
  }

  @Test
  void eachInputChangesItsOwnFingerprintOnly() {
    Fingerprints before =
        Planner.fingerprints(inputs.desired(), inputs.observed(), inputs.stored());
    inputs.targetUser("u3", null, "carl@example.com", null);
    Fingerprints after = Planner.fingerprints(inputs.desired(), inputs.observed(), inputs.stored());

    assertThat(after.target()).isNotEqualTo(before.target());
    assertThat(after.source()).isEqualTo(before.source());
    assertThat(after.state()).isEqualTo(before.state());
  }

  @Test
  void changedSinceNamesEachInputThatDiffers() {
    Fingerprints earlier = new Fingerprints("s1", "t1", "d1");

    assertThat(new Fingerprints("s1", "t1", "d1").changedSince(earlier)).isEmpty();
    assertThat(new Fingerprints("s2", "t1", "d1").changedSince(earlier))
        .containsExactly("the directory");
    assertThat(new Fingerprints("s1", "t2", "d2").changedSince(earlier))
        .containsExactly("the target", "the state store");
  }

  @Test
  void lazyFingerprintsAreComputedOnceWhenFirstRead() {
    AtomicInteger computed = new AtomicInteger();
    Fingerprints lazy =
        Fingerprints.lazy(
            () -> {
              computed.incrementAndGet();
              return new Fingerprints("s", "t", "m");
            });

    assertThat(computed).hasValue(0);
    assertThat(lazy.source()).isEqualTo("s");
    assertThat(lazy.target()).isEqualTo("t");
    assertThat(lazy.state()).isEqualTo("m");
    assertThat(lazy).isEqualTo(new Fingerprints("s", "t", "m")).hasSameHashCodeAs(lazy);
    assertThat(computed).hasValue(1);
  }

  @Test
  void aSavedPlanKeepsItsFingerprints() throws Exception {
    Plan plan =
        Planner.plan(inputs.desired(), inputs.observed(), inputs.stored(), SyncPolicy.defaults());

    String json = PlanJson.write(plan);
    JsonNode saved = new ObjectMapper().readTree(json).get("fingerprints");
    Plan read = PlanJson.read(json);

    Fingerprints expected =
        Planner.fingerprints(inputs.desired(), inputs.observed(), inputs.stored());
    assertThat(saved.get("source").asText()).isEqualTo(expected.source());
    assertThat(saved.get("target").asText()).isEqualTo(expected.target());
    assertThat(saved.get("state").asText()).isEqualTo(expected.state());
    assertThat(saved.size()).isEqualTo(3);
    assertThat(read.fingerprints()).isEqualTo(expected);
  }
}
