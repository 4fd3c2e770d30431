package org.scimsync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.client.ConsistencySettings;
import org.scimsync.emulator.EmulatorState;
import org.scimsync.emulator.FaultSettings;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.target.scim.ScimClientTarget;
import org.scimsync.engine.testing.EmulatorFixture;

/**
 * A target that is eventually consistent and refuses concurrent changes (emulator faults): a 404 on
 * a PATCH to a group created moments before in the same run is ridden out, and a 409 on a PATCH is
 * a concurrent change that is retried, or fails that one change, never a duplicate to adopt. Runs
 * converge with no duplicate.
 */
class ConsistencyFaultsRunIT {

  private EmulatorFixture fixture;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aPatchToAGroupCreatedMomentsBeforeIsRetriedUntilTheGroupIsVisible() {
    fixture.users(150);
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      members.add("k" + i);
    }
    // 100 members go inline with the create, the other 50 in a PATCH right after it
    fixture.source.group("g1", "aws-big", members);
    fixture.emulator.faults(FaultSettings.none().withConsistencyWindow(Duration.ofMillis(800)));

    RunReport report = fixture.full();

    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(fixture.emulator.stats().responses("PatchGroup", 404)).isPositive();
    EmulatorState target = fixture.emulator.snapshot();
    assertThat(target.groups())
        .singleElement()
        .satisfies(g -> assertThat(g.memberIds()).hasSize(150));
    assertThat(target.users()).hasSize(150);
    assertThat(fixture.store.load().memberships().get("g1")).hasSize(150);

    fixture.emulator.faults(FaultSettings.none());
    RunReport again = fixture.full();
    assertThat(again.plan().changes()).isEmpty();
  }

  @Test
  void concurrentModificationsAreRetriedAndTheRunConvergesWithoutAdoptingOrCreating() {
    fixture.users(12);
    fixture.source.group("g1", "aws-team", List.of("k0", "k1", "k2"));
    assertThat(fixture.full().status()).isEqualTo(RunStatus.SUCCEEDED);
    for (int i = 0; i < 12; i++) {
      retitle(i, "Title" + i);
    }
    fixture.source.group("g1", "aws-team", List.of("k3", "k4", "k5"));
    fixture.emulator.faults(FaultSettings.none().withConcurrentModificationRatio(0.3).withSeed(7));
    fixture.emulator.resetStats();

    RunReport report = fixture.incremental();

    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(fixture.emulator.stats().responses("PatchUser", 409)).isPositive();
    assertThat(fixture.emulator.stats().requests("CreateUser")).isZero();
    assertThat(fixture.emulator.stats().requests("CreateGroup")).isZero();
    assertThat(report.results())
        .allSatisfy(r -> assertThat(r.result()).isEqualTo(ChangeOutcome.Result.APPLIED))
        .noneMatch(r -> r.detail() != null && r.detail().contains("adopted"));
    EmulatorState target = fixture.emulator.snapshot();
    assertThat(target.users()).hasSize(12);
    assertThat(target.users())
        .allSatisfy(u -> assertThat(u.json().path("title").asText()).startsWith("Title"));
    assertThat(target.groups())
        .singleElement()
        .satisfies(g -> assertThat(g.memberIds()).hasSize(3));
  }

  @Test
  void aConcurrentModificationThatPersistsFailsThatChangeAndKeepsItsLink() {
    fixture.users(3);
    assertThat(fixture.full().status()).isEqualTo(RunStatus.SUCCEEDED);
    String id = fixture.store.load().users().get("k1").targetId();
    String hash = fixture.store.load().users().get("k1").contentHash();
    retitle(1, "Boss");
    fixture.emulator.faults(FaultSettings.none().withConcurrentModificationRatio(1.0));
    fixture.emulator.resetStats();
    ScimClientTarget impatient =
        new ScimClientTarget(
            fixture.client(new ConsistencySettings(Duration.ofMillis(50), Duration.ofSeconds(60))));

    RunReport report = fixture.run(fixture.engine(impatient), false);

    assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(report.results())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.result()).isEqualTo(ChangeOutcome.Result.FAILED);
              assertThat(r.httpStatus()).isEqualTo(409);
              assertThat(r.detail()).contains("concurrently").doesNotContain("adopted");
            });
    assertThat(fixture.emulator.stats().requests("CreateUser")).isZero();
    assertThat(fixture.emulator.stats().requests("ListUsers")).isZero();
    assertThat(fixture.store.load().users().get("k1").targetId()).isEqualTo(id);
    assertThat(fixture.store.load().users().get("k1").contentHash()).isEqualTo(hash);

    fixture.emulator.faults(FaultSettings.none());
    assertThat(fixture.incremental().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(fixture.emulator.snapshot().user(id).orElseThrow().json().path("title").asText())
        .isEqualTo("Boss");
  }

  private void retitle(int i, String title) {
    fixture.source.user(
        "k" + i,
        Map.of(
            "mail", "u" + i + "@example.org",
            "givenName", "Given" + i,
            "sn", "Family" + i,
            "title", title));
  }
}
