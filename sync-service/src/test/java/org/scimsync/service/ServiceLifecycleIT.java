package org.scimsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.testing.Eventually;

class ServiceLifecycleIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String NEVER = "0 0 0 1 1 ? 2099";

  private ServiceFixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static RunHistoryDouble lastRunAt(Instant startedAt) {
    return new RunHistoryDouble()
        .with(
            new RunRecord(
                1,
                new RunStart("schedule", false, false, startedAt),
                new RunSummary(RunStatus.SUCCEEDED, 0, 0, 0, startedAt.plusSeconds(1), null)));
  }

  @Test
  void theScheduleFiresRunsThatNeverOverlap() {
    RecordingLauncher launcher = new RecordingLauncher();
    fixture =
        new ServiceFixture(launcher, lastRunAt(Instant.now()), "* * * * * ?", Duration.ZERO, false);

    Eventually.await(WAIT, "three scheduled runs", () -> launcher.finished() >= 3);
    assertThat(launcher.requests()).allMatch(r -> r.trigger() == Trigger.SCHEDULE);
    assertThat(launcher.maxConcurrency()).isEqualTo(1);
  }

  @Test
  void aRunLongerThanTheScheduleGetsExactlyOneFollowUp() {
    RecordingLauncher launcher = new RecordingLauncher().hold();
    fixture =
        new ServiceFixture(launcher, lastRunAt(Instant.now()), "* * * * * ?", Duration.ZERO, false);
    Eventually.await(WAIT, "first scheduled run", () -> launcher.started() == 1);
    Eventually.await(
        WAIT, "first trigger running", () -> stateOf(1) == TriggerStatus.State.RUNNING);
    // the held run serves the triggers that were waiting when it started: one, or two when the
    // fire time just before the start was caught up at the same moment
    long served = 1;
    while (stateOf(served + 1) == TriggerStatus.State.RUNNING) {
      served++;
    }
    long first = served + 1;
    long second = served + 2;
    // two more fire times while the first run is held: both wait for the same follow-up
    Eventually.await(
        WAIT, "two more fire times", () -> fixture.service.triggerStatus(second).isPresent());
    launcher.release();

    Eventually.await(WAIT, "follow-up served", () -> stateOf(second) == TriggerStatus.State.DONE);
    long followUp = fixture.service.triggerStatus(first).orElseThrow().result().runId();
    assertThat(fixture.service.triggerStatus(second).orElseThrow().result().runId())
        .isEqualTo(followUp);
    assertThat(fixture.service.triggerStatus(served).orElseThrow().result().runId())
        .isNotEqualTo(followUp);
    assertThat(launcher.maxConcurrency()).isEqualTo(1);
    assertThat(fixture.metrics.scrape())
        .containsPattern("scim_sync_triggers_total\\{merged=\"true\",trigger=\"schedule\"} [1-9]");
  }

  private TriggerStatus.@Nullable State stateOf(long triggerId) {
    return fixture.service.triggerStatus(triggerId).map(TriggerStatus::state).orElse(null);
  }

  @Test
  void catchesUpOnceForSlotsMissedWhileDown() {
    RecordingLauncher launcher = new RecordingLauncher();
    Instant threeHoursAgo = Instant.now().minus(Duration.ofHours(3));
    fixture =
        new ServiceFixture(
            launcher, lastRunAt(threeHoursAgo), "0 */15 * * * ?", Duration.ZERO, true);

    // The launcher returns before the service records the trigger as done: wait for both.
    Eventually.await(
        WAIT,
        "catch-up run",
        () -> launcher.finished() == 1 && stateOf(1) == TriggerStatus.State.DONE);
    assertThat(launcher.requests().get(0).trigger()).isEqualTo(Trigger.STARTUP);
    assertThat(fixture.service.triggerStatus(2)).isEmpty();
  }

  @Test
  void doesNotCatchUpWhenNoSlotWasMissed() {
    RecordingLauncher launcher = new RecordingLauncher();
    fixture = new ServiceFixture(launcher, lastRunAt(Instant.now()), NEVER, Duration.ZERO, true);
    assertThat(fixture.service.triggerStatus(1)).isEmpty();
    assertThat(launcher.started()).isZero();
  }

  @Test
  void closeLetsTheRunInProgressFinishAndAcceptsNothingAfter() {
    RecordingLauncher launcher = new RecordingLauncher().hold();
    fixture = new ServiceFixture(launcher, lastRunAt(Instant.now()), NEVER, Duration.ZERO, false);
    fixture.service.trigger(Trigger.WEBHOOK).orElseThrow();
    Eventually.await(WAIT, "run started", () -> launcher.started() == 1);
    fixture.service.trigger(Trigger.WEBHOOK).orElseThrow();

    fixture.service.close();

    assertThat(launcher.finished()).isEqualTo(1);
    assertThat(launcher.stopSeen()).containsExactly(true);
    assertThat(launcher.running()).isZero();
    assertThat(fixture.service.trigger(Trigger.SCHEDULE)).isEmpty();
    assertThat(fixture.service.triggerStatus(2).orElseThrow().state())
        .isEqualTo(TriggerStatus.State.CANCELLED);
    assertThat(launcher.started()).isEqualTo(1);
  }

  @Test
  void closeReleasesTheListenAddress() throws Exception {
    fixture =
        new ServiceFixture(
            new RecordingLauncher(), lastRunAt(Instant.now()), NEVER, Duration.ZERO, false);
    int port = fixture.service.address().getPort();
    assertThat(fixture.get("/healthz").statusCode()).isEqualTo(200);
    fixture.service.close();

    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress("127.0.0.1", port));
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void aServiceClosedBeforeStartNeverListensNorRuns() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    RecordingLauncher launcher = new RecordingLauncher();
    SyncService service =
        new SyncService(
            ServiceSettings.of("* * * * * ?", null)
                .withListen(new InetSocketAddress("127.0.0.1", port)),
            launcher,
            new RunHistoryDouble(),
            null,
            ReadinessProbe.ALWAYS_READY,
            SyncMetrics.create(),
            Clock.systemUTC());
    service.close();
    service.close();

    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress("127.0.0.1", port));
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
    assertThat(service.trigger(Trigger.SCHEDULE)).isEmpty();
    assertThat(launcher.started()).isZero();
  }
}
