package org.scimsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.service.ServiceFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.TargetNames;
import org.scimsync.engine.testing.Eventually;

class EndpointsIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private ServiceFixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private void runOnce() {
    long id = fixture.service.trigger(Trigger.SCHEDULE).orElseThrow().triggerId();
    Eventually.await(
        WAIT,
        "run served",
        () -> fixture.service.triggerStatus(id).orElseThrow().state() == TriggerStatus.State.DONE);
  }

  @Test
  void healthzAnswersWhileTheProcessIsAlive() throws Exception {
    fixture = ServiceFixture.webhookOnly(new RecordingLauncher(), Duration.ZERO);
    HttpResponse<String> response = fixture.get("/healthz");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("status").asText()).isEqualTo("alive");
    assertThat(fixture.get("/healthzz").statusCode()).isEqualTo(404);
    assertThat(fixture.get("/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void readyzReportsTheProbesProblemsAndAnUnreachableTarget() throws Exception {
    RecordingLauncher launcher = new RecordingLauncher();
    fixture = ServiceFixture.webhookOnly(launcher, Duration.ZERO);
    HttpResponse<String> ready = fixture.get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json(ready).get("ready").asBoolean()).isTrue();

    fixture.problems.add("the state store is closed");
    HttpResponse<String> notReady = fixture.get("/readyz");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(json(notReady).get("problems").get(0).asText())
        .isEqualTo("the state store is closed");
    fixture.problems.clear();

    launcher.endingWith(4);
    runOnce();
    HttpResponse<String> unreachable = fixture.get("/readyz");
    assertThat(unreachable.statusCode()).isEqualTo(503);
    assertThat(json(unreachable).get("problems").get(0).asText())
        .contains("could not reach the source or the target");

    launcher.endingWith(0);
    runOnce();
    assertThat(fixture.get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsExposeRunsChangesAndCountsAfterARun() {
    fixture = ServiceFixture.webhookOnly(new RecordingLauncher(), Duration.ZERO);
    fixture.metrics.recordThrottled(TargetNames.DEFAULT);
    fixture.metrics.setManagedCounts(TargetNames.DEFAULT, 1200, 35);
    runOnce();

    HttpResponse<String> response = fixture.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain");
    assertThat(response.body())
        .contains(
            "scim_sync_runs_total{outcome=\"succeeded\",target=\"default\",trigger=\"schedule\"}"
                + " 1.0")
        .contains("scim_sync_run_duration_seconds_count{target=\"default\",trigger=\"schedule\"} 1")
        .contains("scim_sync_changes_total{kind=\"create_user\",target=\"default\"} 2.0")
        .contains("scim_sync_changes_total{kind=\"patch_members\",target=\"default\"} 1.0")
        .contains("scim_sync_change_failures_total{target=\"default\"} 0.0")
        .contains("scim_sync_target_throttled_total{target=\"default\"} 1.0")
        .contains("scim_sync_managed_objects{kind=\"user\",target=\"default\"} 1200.0")
        .contains("scim_sync_managed_objects{kind=\"group\",target=\"default\"} 35.0")
        .contains("scim_sync_triggers_total{merged=\"false\",trigger=\"schedule\"} 1.0")
        .containsPattern(
            "scim_sync_last_success_timestamp_seconds\\{target=\"default\"} [1-9][0-9.E]+");
  }

  @Test
  void runsListsTheHistoryAndOneRunWithItsJournal() throws Exception {
    RunHistoryDouble store =
        new RunHistoryDouble()
            .with(
                new RunRecord(
                    7,
                    new RunStart("schedule", true, false, T0),
                    new RunSummary(RunStatus.PARTIAL, 2, 1, 1, T0.plusSeconds(30), "1 failed")),
                new JournalRecord(
                    70,
                    7,
                    new JournalEntry(
                        "CREATE_USER",
                        ObjectKind.USER,
                        "uuid-1",
                        null,
                        "ada@example.com",
                        List.of()),
                    T0.plusSeconds(10),
                    new ChangeOutcome(ChangeOutcome.Result.APPLIED, 201, "t-1", null),
                    T0.plusSeconds(11)),
                new JournalRecord(
                    71,
                    7,
                    new JournalEntry(
                        "PATCH_USER",
                        ObjectKind.USER,
                        "uuid-2",
                        "t-2",
                        "bob@example.com",
                        List.of("title")),
                    T0.plusSeconds(12),
                    new ChangeOutcome(ChangeOutcome.Result.FAILED, 400, null, "invalid title"),
                    T0.plusSeconds(13)))
            .with(
                new RunRecord(8, new RunStart("webhook", false, false, T0.plusSeconds(60)), null));
    fixture = new ServiceFixture(new RecordingLauncher(), store, null, Duration.ZERO, false);

    JsonNode runs = json(fixture.get("/runs"));
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).get("id").asLong()).isEqualTo(8);
    assertThat(runs.get(0).get("status").asText()).isEqualTo("RUNNING");
    assertThat(runs.get(1).get("status").asText()).isEqualTo("PARTIAL");
    assertThat(runs.get(1).get("trigger").asText()).isEqualTo("schedule");
    assertThat(runs.get(1).get("full").asBoolean()).isTrue();
    assertThat(runs.get(1).get("startedAt").asText()).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(json(fixture.get("/runs?limit=1"))).hasSize(1);

    JsonNode run = json(fixture.get("/runs/7"));
    assertThat(run.get("applied").asInt()).isEqualTo(1);
    assertThat(run.get("journalTotal").asInt()).isEqualTo(2);
    assertThat(run.get("journal").get(1).get("change").asText()).isEqualTo("PATCH_USER");
    assertThat(run.get("journal").get(1).get("result").asText()).isEqualTo("FAILED");
    assertThat(run.get("journal").get(1).get("error").asText()).isEqualTo("invalid title");
    assertThat(json(fixture.get("/runs/7?limit=1")).get("journal")).hasSize(1);

    assertThat(fixture.get("/runs/99").statusCode()).isEqualTo(404);
    assertThat(fixture.get("/runs/abc").statusCode()).isEqualTo(400);
    assertThat(fixture.get("/runs?limit=0").statusCode()).isEqualTo(400);
    HttpResponse<String> post =
        fixture.send(
            HttpRequest.newBuilder(fixture.uri("/runs"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(post.statusCode()).isEqualTo(405);

    store.breakDown();
    HttpResponse<String> broken = fixture.get("/runs");
    assertThat(broken.statusCode()).isEqualTo(503);
    assertThat(broken.body()).doesNotContain("database is locked");
  }

  @Test
  void triggersAnswersForUnknownIds() {
    fixture = ServiceFixture.webhookOnly(new RecordingLauncher(), Duration.ZERO);
    assertThat(fixture.get("/triggers/42").statusCode()).isEqualTo(404);
    assertThat(fixture.get("/triggers/x").statusCode()).isEqualTo(400);
  }
}
