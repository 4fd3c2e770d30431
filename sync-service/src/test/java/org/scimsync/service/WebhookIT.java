package org.scimsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.service.ServiceFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.testing.Eventually;

class WebhookIT {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private ServiceFixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private TriggerStatus awaitServed(long triggerId) {
    Eventually.await(
        WAIT,
        "trigger " + triggerId + " served",
        () ->
            fixture.service.triggerStatus(triggerId).orElseThrow().state()
                == TriggerStatus.State.DONE);
    return fixture.service.triggerStatus(triggerId).orElseThrow();
  }

  @Test
  void acceptsASignedRequestAndRunsTheRequestedUsers() throws Exception {
    fixture = ServiceFixture.webhookOnly(new RecordingLauncher(), Duration.ZERO);

    HttpResponse<String> response =
        fixture.postSigned("{\"users\": [\"uuid-1\", \"uuid-2\"]}", ServiceFixture.now());

    assertThat(response.statusCode()).isEqualTo(202);
    long triggerId = json(response).get("triggerId").asLong();
    assertThat(json(response).get("status").asText()).isEqualTo("/triggers/" + triggerId);
    TriggerStatus served = awaitServed(triggerId);
    RunRequest request = fixture.launcher.requests().get(0);
    assertThat(request.trigger()).isEqualTo(Trigger.WEBHOOK);
    assertThat(request.userKeys()).containsExactlyInAnyOrder("uuid-1", "uuid-2");
    assertThat(request.forceFull()).isFalse();

    JsonNode status = json(fixture.get("/triggers/" + triggerId));
    assertThat(status.get("state").asText()).isEqualTo("done");
    assertThat(status.get("runId").asLong()).isEqualTo(served.result().runId());
  }

  @Test
  void anEmptyBodyRunsEveryUser() throws Exception {
    fixture = ServiceFixture.webhookOnly(new RecordingLauncher(), Duration.ZERO);
    HttpResponse<String> response = fixture.postSigned("", ServiceFixture.now());
    assertThat(response.statusCode()).isEqualTo(202);
    awaitServed(json(response).get("triggerId").asLong());
    assertThat(fixture.launcher.requests().get(0).userKeys()).isEmpty();
  }

  @Test
  void refusesEveryUnauthenticatedRequestAlikeAndStartsNothing() throws Exception {
    fixture = ServiceFixture.webhookOnly(new RecordingLauncher(), Duration.ZERO);
    String body = "{\"users\": [\"uuid-1\"]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    long now = ServiceFixture.now();
    WebhookSignature wrongSecret = WebhookSignature.ofUtf8("not the webhook secret at all");
    WebhookSignature right = WebhookSignature.ofUtf8(ServiceFixture.SECRET);

    List<HttpResponse<String>> refused = new ArrayList<>();
    refused.add(fixture.post(body, String.valueOf(now), wrongSecret.sign(now, bytes)));
    long old = now - 310;
    refused.add(fixture.post(body, String.valueOf(old), right.sign(old, bytes)));
    long future = now + 310;
    refused.add(fixture.post(body, String.valueOf(future), right.sign(future, bytes)));
    refused.add(
        fixture.post("{\"users\": [\"uuid-2\"]}", String.valueOf(now), right.sign(now, bytes)));
    refused.add(fixture.post(body, null, right.sign(now, bytes)));
    refused.add(fixture.post(body, String.valueOf(now), null));
    refused.add(fixture.post(body, "yesterday", right.sign(now, bytes)));
    refused.add(fixture.post(body, String.valueOf(now), "sha256=" + "0".repeat(64)));

    assertThat(refused).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(401));
    assertThat(refused)
        .allSatisfy(
            r -> assertThat(r.body()).isEqualTo("{\"error\":\"missing or invalid signature\"}"));
    assertThat(refused).allSatisfy(r -> assertThat(r.body()).doesNotContain(ServiceFixture.SECRET));

    // the first accepted trigger gets id 1: none of the refused ones was submitted
    HttpResponse<String> accepted = fixture.postSigned(body, now);
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(json(accepted).get("triggerId").asLong()).isEqualTo(1);
    assertThat(fixture.metrics.scrape())
        .contains("scim_sync_webhook_requests_total{outcome=\"unauthorized\"} 8.0");
  }

  @Test
  void acceptsTimestampsUpToFiveMinutesOffInEitherDirection() {
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    fixture =
        new ServiceFixture(
            new RecordingLauncher(),
            new RunHistoryDouble(),
            null,
            Duration.ZERO,
            false,
            Clock.fixed(now, ZoneOffset.UTC));
    long t = now.getEpochSecond();

    assertThat(fixture.postSigned("{}", t - 300).statusCode()).isEqualTo(202);
    assertThat(fixture.postSigned("{}", t + 300).statusCode()).isEqualTo(202);
    assertThat(fixture.postSigned("{}", t - 301).statusCode()).isEqualTo(401);
    assertThat(fixture.postSigned("{}", t + 301).statusCode()).isEqualTo(401);
  }

  @Test
  void refusesAReplayedRequest() {
    fixture = ServiceFixture.webhookOnly(new RecordingLauncher(), Duration.ZERO);
    String body = "{}";
    long now = ServiceFixture.now();
    String signature = WebhookSignature.ofUtf8(ServiceFixture.SECRET).sign(now, body.getBytes());

    assertThat(fixture.post(body, String.valueOf(now), signature).statusCode()).isEqualTo(202);
    assertThat(fixture.post(body, String.valueOf(now), signature).statusCode()).isEqualTo(401);
    assertThat(fixture.service.triggerStatus(2)).isEmpty();
  }

  @Test
  void refusesABodyOverOneMebibyte() {
    fixture = ServiceFixture.webhookOnly(new RecordingLauncher(), Duration.ZERO);
    String big = "{\"users\": [\"" + "x".repeat(1 << 20) + "\"]}";
    HttpResponse<String> response = fixture.postSigned(big, ServiceFixture.now());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(fixture.service.triggerStatus(1)).isEmpty();
  }

  @Test
  void explainsAMalformedBody() throws Exception {
    fixture = ServiceFixture.webhookOnly(new RecordingLauncher(), Duration.ZERO);
    HttpResponse<String> broken = fixture.postSigned("{\"users\": [\"a\",", ServiceFixture.now());
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(json(broken).get("error").asText()).startsWith("malformed JSON body at line 1");
    HttpResponse<String> notKeys =
        fixture.postSigned("{\"users\": [1, 2]}", ServiceFixture.now() - 1);
    assertThat(notKeys.statusCode()).isEqualTo(400);
    assertThat(json(notKeys).get("error").asText()).contains("\"users\" must hold");
    assertThat(fixture.service.triggerStatus(1)).isEmpty();
  }

  @Test
  void answersOtherMethodsWith405() {
    fixture = ServiceFixture.webhookOnly(new RecordingLauncher(), Duration.ZERO);
    HttpResponse<String> response = fixture.get("/hooks/directory-changed");
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
  }

  @Test
  void coalescesAHundredCallsIntoOneRun() throws Exception {
    // calls keep the run waiting while they arrive less than the window apart
    fixture = ServiceFixture.webhookOnly(new RecordingLauncher(), Duration.ofSeconds(1));
    ExecutorService senders = Executors.newFixedThreadPool(8);
    List<Future<HttpResponse<String>>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) {
        String body = "{\"users\": [\"user-" + i + "\"]}";
        calls.add(senders.submit(() -> fixture.postSigned(body, ServiceFixture.now())));
      }
      List<Long> triggerIds = new ArrayList<>();
      for (Future<HttpResponse<String>> call : calls) {
        HttpResponse<String> response = call.get();
        assertThat(response.statusCode()).isEqualTo(202);
        triggerIds.add(json(response).get("triggerId").asLong());
      }
      long runId = awaitServed(triggerIds.get(0)).result().runId();
      for (long id : triggerIds) {
        assertThat(awaitServed(id).result().runId()).isEqualTo(runId);
      }
    } finally {
      senders.shutdownNow();
    }
    assertThat(fixture.launcher.started()).isEqualTo(1);
    assertThat(fixture.launcher.requests().get(0).userKeys()).hasSize(100);
    assertThat(fixture.metrics.scrape())
        .contains("scim_sync_triggers_total{merged=\"true\",trigger=\"webhook\"} 99.0");
  }

  @Test
  void answers503WhileShuttingDown() throws Exception {
    // the run goes on after the stop signal until released, like a long change in flight
    RecordingLauncher launcher = new RecordingLauncher().hold().ignoringStop();
    fixture = ServiceFixture.webhookOnly(launcher, Duration.ZERO);
    assertThat(fixture.postSigned("{}", ServiceFixture.now()).statusCode()).isEqualTo(202);
    Eventually.await(WAIT, "run started", () -> launcher.started() == 1);
    Thread closer = new Thread(fixture.service::close);
    closer.start();
    Eventually.await(
        WAIT,
        "webhook answering 503",
        () -> fixture.postSigned("{}", ServiceFixture.now() - 2).statusCode() == 503);
    assertThat(closer.isAlive()).isTrue();
    launcher.release();
    closer.join(WAIT.toMillis());
    assertThat(closer.isAlive()).isFalse();
    assertThat(fixture.launcher.started()).isEqualTo(1);
    assertThat(fixture.launcher.stopSeen()).containsExactly(true);
  }
}
