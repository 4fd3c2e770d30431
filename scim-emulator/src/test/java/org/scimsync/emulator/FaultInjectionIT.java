package org.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimsync.emulator.ScimHttp.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Rate limits, 500 before and after a write, dropped connections and latency. */
class FaultInjectionIT extends EmulatorTestBase {

  @Test
  void burstAboveTheRateGets429WithTheAwsThrottlingBody() throws Exception {
    emulator.faults(FaultSettings.none().withReadsPerSecond(5));
    List<Integer> statuses = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    long start = System.nanoTime();
    try {
      List<Future<ScimHttp.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(pool.submit(() -> scim.get("/Users?cursor=")));
      }
      ScimHttp.Answer throttled = null;
      for (Future<ScimHttp.Answer> answer : answers) {
        statuses.add(answer.get().status());
        if (answer.get().status() == 429) {
          throttled = answer.get();
        }
      }
      assertThat(throttled).isNotNull();
      assertThat(throttled.json().get("status").asText()).isEqualTo("429");
      assertThat(throttled.header("x-amzn-ErrorType")).hasValue("ThrottlingException");
      assertThat(throttled.header("Retry-After")).isEmpty();
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // a full bucket (5) plus what refilled at 5/s while the burst ran
    assertThat(statuses.stream().filter(s -> s == 200).count())
        .isBetween(5L, 6L + (long) (5 * seconds));
    assertThat(emulator.stats().responses("ListUsers", 429))
        .isEqualTo(statuses.stream().filter(s -> s == 429).count());
  }

  @Test
  void eachApiHasItsOwnBucketAndRetryAfterIsOptional() {
    emulator.faults(FaultSettings.none().withWritesPerSecond(0.2).withRetryAfterHeader(true));

    assertThat(scim.post("/Users", user("a1")).status()).isEqualTo(201);
    ScimHttp.Answer second = scim.post("/Users", user("a2"));
    assertThat(second.status()).isEqualTo(429);
    assertThat(Integer.parseInt(second.header("Retry-After").orElseThrow())).isBetween(1, 5);
    assertThat(scim.post("/Groups", ScimHttp.group("g")).status()).isEqualTo(201);
    assertThat(scim.get("/Users?cursor=").status()).isEqualTo(200);
    assertThat(emulator.snapshot().users()).hasSize(1);
  }

  @Test
  void clientPacedBelowTheRateIsNeverThrottled() {
    emulator.faults(FaultSettings.none().withReadsPerSecond(20));
    long start = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      long due = start + i * 60_000_000L; // 16.7 requests/s, below 20/s
      while (System.nanoTime() < due) {
        Thread.onSpinWait();
      }
      assertThat(scim.get("/Users?cursor=").status()).isEqualTo(200);
    }
    assertThat(emulator.stats().throttled()).isZero();
    assertThat(emulator.stats().requests("ListUsers")).isEqualTo(30);
  }

  @Test
  void error500BeforeAppliesNothing() {
    emulator.faults(FaultSettings.none().withError500BeforeRatio(1.0));

    ScimHttp.Answer answer = scim.post("/Users", user("b1"));

    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.json().get("status").asText()).isEqualTo("500");
    assertThat(emulator.snapshot().users()).isEmpty();
  }

  @Test
  void error500AfterAppliesTheWriteThenFails() {
    emulator.faults(FaultSettings.none().withError500AfterRatio(1.0));

    ScimHttp.Answer answer = scim.post("/Users", user("c1"));

    assertThat(answer.status()).isEqualTo(500);
    assertThat(emulator.snapshot().userByUserName("c1")).isPresent();
    assertThat(scim.get("/Users?cursor=").status()).isEqualTo(200); // reads are not affected
    emulator.faults(FaultSettings.none());
    assertThat(scim.post("/Users", user("c1")).status()).isEqualTo(409);
  }

  @Test
  void error500AfterAMembershipPatchStillAppliedIt() {
    String userId = emulator.seedUser("m1", null);
    String groupId = emulator.seedGroup("G500", null, List.of());
    emulator.faults(FaultSettings.none().withError500AfterRatio(1.0));
    var members = ScimHttp.JSON.createArrayNode();
    members.addObject().put("value", userId);

    ScimHttp.Answer answer =
        scim.patch("/Groups/" + groupId, ScimHttp.patchOp("add", "members", members));

    assertThat(answer.status()).isEqualTo(500);
    assertThat(emulator.snapshot().group(groupId).orElseThrow().memberIds())
        .containsExactly(userId);
    assertThat(emulator.stats().responses("PatchGroup", 500)).isEqualTo(1);
  }

  @Test
  void concurrentCreatesOfOneUserNameCreateExactlyOneUser() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ScimHttp.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(pool.submit(() -> scim.post("/Users", user("racer"))));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<ScimHttp.Answer> answer : answers) {
        statuses.add(answer.get().status());
      }
      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(emulator.snapshot().users()).hasSize(1);
  }

  @Test
  void droppedConnectionGetsNoAnswerAndAppliesNothing() {
    emulator.faults(FaultSettings.none().withDropConnectionRatio(1.0));

    assertThatThrownBy(() -> scim.post("/Users", user("d1")))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(emulator.snapshot().users()).isEmpty();
    assertThat(emulator.stats().dropped()).isEqualTo(1);
  }

  @Test
  void ratiosBetweenZeroAndOneHitSomeRequests() {
    emulator.faults(FaultSettings.none().withError500BeforeRatio(0.5).withSeed(42));
    int failures = 0;
    for (int i = 0; i < 40; i++) {
      if (scim.get("/Users?cursor=").status() == 500) {
        failures++;
      }
    }
    assertThat(failures).isBetween(8, 32);
  }

  @Test
  void latencyDelaysTheAnswer() {
    emulator.faults(FaultSettings.none().withLatency(Duration.ofMillis(150)));
    long start = System.nanoTime();

    assertThat(scim.get("/Users?cursor=").status()).isEqualTo(200);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void invalidSettingsAreRefused() {
    assertThatThrownBy(() -> FaultSettings.none().withError500AfterRatio(1.5))
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("error500AfterRatio");
    assertThatThrownBy(() -> FaultSettings.none().withLatency(Duration.ofMillis(-1)))
        .isInstanceOf(EmulatorException.class);
    assertThat(FaultSettings.awsQuotas().readsPerSecond()).isEqualTo(40);
    assertThat(FaultSettings.awsQuotas().writesPerSecond()).isEqualTo(25);
    assertThat(FaultSettings.awsQuotas().retryAfterHeader()).isFalse();
  }
}
