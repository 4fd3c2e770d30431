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
import java.util.concurrent.locks.LockSupport;
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
    assertThatThrownBy(() -> FaultSettings.none().withConcurrentModificationRatio(-0.1))
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("concurrentModificationRatio");
    assertThatThrownBy(() -> FaultSettings.none().withConsistencyWindow(Duration.ofMillis(-1)))
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("consistencyWindow");
    assertThat(FaultSettings.awsQuotas().readsPerSecond()).isEqualTo(40);
    assertThat(FaultSettings.awsQuotas().writesPerSecond()).isEqualTo(25);
    assertThat(FaultSettings.awsQuotas().retryAfterHeader()).isFalse();
  }

  @Test
  void consistencyWindowHidesANewResourceFromGetPutAndPatch() {
    emulator.faults(FaultSettings.none().withConsistencyWindow(Duration.ofMinutes(5)));
    String seeded = emulator.seedUser("old", null);
    String userId = scim.post("/Users", user("fresh")).json().get("id").asText();
    String groupId = scim.post("/Groups", ScimHttp.group("Fresh")).json().get("id").asText();
    var members = ScimHttp.JSON.createArrayNode();
    members.addObject().put("value", seeded);

    ScimHttp.Answer get = scim.get("/Users/" + userId);
    ScimHttp.Answer put = scim.put("/Users/" + userId, user("fresh"));
    ScimHttp.Answer patchGroup =
        scim.patch("/Groups/" + groupId, ScimHttp.patchOp("add", "members", members));

    assertThat(get.status()).isEqualTo(404);
    assertThat(get.json().get("detail").asText()).contains(userId);
    assertThat(put.status()).isEqualTo(404);
    assertThat(patchGroup.status()).isEqualTo(404);
    assertThat(scim.get("/Groups/" + groupId).status()).isEqualTo(404);
    assertThat(emulator.snapshot().group(groupId).orElseThrow().memberIds()).isEmpty();
    assertThat(scim.get("/Users/" + seeded).status()).as("seeded: not new").isEqualTo(200);
    assertThat(
            scim.get("/Users?" + ScimHttp.filter("userName eq \"fresh\""))
                .json()
                .get("totalResults")
                .asInt())
        .as("lists see it at once")
        .isEqualTo(1);
  }

  @Test
  void consistencyWindowEnds() {
    emulator.faults(FaultSettings.none().withConsistencyWindow(Duration.ofMillis(300)));
    String id = scim.post("/Users", user("later")).json().get("id").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();

    int status = scim.get("/Users/" + id).status();
    while (status == 404 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
      status = scim.get("/Users/" + id).status();
    }

    assertThat(status).isEqualTo(200);
    assertThat(emulator.stats().responses("GetUser", 404)).isPositive();
  }

  @Test
  void concurrentModificationRefusesAPatchWithoutApplyingIt() {
    String id = emulator.seedUser("busy", null);
    emulator.faults(FaultSettings.none().withConcurrentModificationRatio(1.0));

    ScimHttp.Answer answer =
        scim.patch(
            "/Users/" + id,
            ScimHttp.patchOp(
                "replace", "title", ScimHttp.JSON.getNodeFactory().textNode("Racing")));

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().get("detail").asText())
        .isEqualTo(FaultSettings.CONCURRENT_MODIFICATION)
        .doesNotContain("duplicate");
    assertThat(answer.header("x-amzn-ErrorType")).hasValue("ConflictException");
    assertThat(emulator.snapshot().user(id).orElseThrow().json().has("title")).isFalse();
    assertThat(scim.get("/Users/" + id).status()).as("only PATCH").isEqualTo(200);
    assertThat(scim.post("/Users", user("calm")).status()).as("only PATCH").isEqualTo(201);
  }

  @Test
  void concurrentModificationRatioIsSeeded() {
    String id = emulator.seedUser("flaky", null);
    List<List<Integer>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      emulator.faults(FaultSettings.none().withConcurrentModificationRatio(0.5).withSeed(7));
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        statuses.add(
            scim.patch(
                    "/Users/" + id,
                    ScimHttp.patchOp(
                        "replace", "title", ScimHttp.JSON.getNodeFactory().textNode("t" + i)))
                .status());
      }
      runs.add(statuses);
    }

    assertThat(runs.get(0)).containsOnly(204, 409).contains(204, 409);
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
  }
}
