package org.scimsync.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.service.RecordingLauncher;
import org.scimsync.service.RunLauncher;
import org.scimsync.service.RunRequest;
import org.scimsync.service.RunResult;
import org.scimsync.service.Trigger;
import org.scimsync.service.TriggerReceipt;
import org.scimsync.service.TriggerStatus;

class RunCoordinatorTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private final List<RunResult> ended = new CopyOnWriteArrayList<>();
  private final List<RunCoordinator> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() {
    toClose.forEach(c -> c.close(Duration.ofSeconds(5)));
  }

  private RunCoordinator coordinator(
      RunLauncher launcher, @Nullable Duration fullEvery, @Nullable Instant lastFull) {
    RunCoordinator coordinator =
        new RunCoordinator(
            launcher,
            (request, result) -> {
              if (result != null) {
                ended.add(result);
              }
            },
            Clock.fixed(NOW, ZoneOffset.UTC),
            fullEvery,
            lastFull);
    toClose.add(coordinator);
    return coordinator;
  }

  private static TriggerReceipt submit(
      RunCoordinator coordinator, Set<String> keys, boolean full, Duration delay) {
    return coordinator.submit(Trigger.WEBHOOK, full, keys, delay).orElseThrow();
  }

  private static void awaitDone(RunCoordinator coordinator, List<TriggerReceipt> receipts) {
    Eventually.await(
        WAIT,
        "every trigger served",
        () ->
            receipts.stream()
                .allMatch(
                    r ->
                        coordinator.status(r.triggerId()).orElseThrow().state()
                            == TriggerStatus.State.DONE));
  }

  @Test
  void coalescesABurstWithinTheDebounceWindowIntoOneRun() {
    RecordingLauncher launcher = new RecordingLauncher();
    RunCoordinator coordinator = coordinator(launcher, null, null);
    List<TriggerReceipt> receipts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      receipts.add(submit(coordinator, Set.of(), false, Duration.ofMillis(500)));
    }

    awaitDone(coordinator, receipts);

    assertThat(launcher.started()).isEqualTo(1);
    assertThat(receipts.get(0).merged()).isFalse();
    assertThat(receipts.subList(1, 100)).allMatch(TriggerReceipt::merged);
    long runId = coordinator.status(receipts.get(0).triggerId()).orElseThrow().result().runId();
    assertThat(receipts)
        .allMatch(r -> coordinator.status(r.triggerId()).orElseThrow().result().runId() == runId);
  }

  @Test
  void triggersDuringARunQueueExactlyOneFollowUpAndNeverOverlap() {
    RecordingLauncher launcher = new RecordingLauncher().hold();
    RunCoordinator coordinator = coordinator(launcher, null, null);
    TriggerReceipt first = submit(coordinator, Set.of(), false, Duration.ZERO);
    Eventually.await(WAIT, "first run started", () -> launcher.started() == 1);

    List<TriggerReceipt> during = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      during.add(submit(coordinator, Set.of(), false, Duration.ZERO));
    }
    assertThat(coordinator.status(during.get(0).triggerId()).orElseThrow().state())
        .isEqualTo(TriggerStatus.State.PENDING);
    launcher.release();

    List<TriggerReceipt> all = new ArrayList<>(during);
    all.add(first);
    awaitDone(coordinator, all);
    assertThat(launcher.started()).isEqualTo(2);
    assertThat(launcher.maxConcurrency()).isEqualTo(1);
    assertThat(during.get(0).merged()).isFalse();
    assertThat(during.subList(1, 10)).allMatch(TriggerReceipt::merged);
    long followUp = coordinator.status(during.get(0).triggerId()).orElseThrow().result().runId();
    assertThat(coordinator.status(first.triggerId()).orElseThrow().result().runId())
        .isNotEqualTo(followUp);
  }

  @Test
  void mergesProvisionOnDemandKeysIntoThePendingRun() {
    RecordingLauncher launcher = new RecordingLauncher().hold();
    RunCoordinator coordinator = coordinator(launcher, null, null);
    TriggerReceipt first = submit(coordinator, Set.of("u0"), false, Duration.ZERO);
    Eventually.await(WAIT, "first run started", () -> launcher.started() == 1);
    TriggerReceipt second = submit(coordinator, Set.of("u1"), false, Duration.ZERO);
    TriggerReceipt third = submit(coordinator, Set.of("u2", "u3"), false, Duration.ZERO);
    launcher.release();

    awaitDone(coordinator, List.of(first, second, third));
    assertThat(launcher.requests().get(0).userKeys()).containsExactly("u0");
    assertThat(launcher.requests().get(1).userKeys()).containsExactlyInAnyOrder("u1", "u2", "u3");
    assertThat(launcher.requests().get(1).forceFull()).isFalse();
  }

  @Test
  void aPendingFullOrAllUsersRunCoversRequestedKeys() {
    RecordingLauncher launcher = new RecordingLauncher().hold();
    RunCoordinator coordinator = coordinator(launcher, null, null);
    TriggerReceipt first = submit(coordinator, Set.of(), false, Duration.ZERO);
    Eventually.await(WAIT, "first run started", () -> launcher.started() == 1);
    TriggerReceipt keys = submit(coordinator, Set.of("u1"), false, Duration.ZERO);
    TriggerReceipt full = submit(coordinator, Set.of(), true, Duration.ZERO);
    TriggerReceipt moreKeys = submit(coordinator, Set.of("u2"), false, Duration.ZERO);
    launcher.release();

    awaitDone(coordinator, List.of(first, keys, full, moreKeys));
    RunRequest followUp = launcher.requests().get(1);
    assertThat(followUp.forceFull()).isTrue();
    assertThat(followUp.userKeys()).isEmpty();
    assertThat(launcher.started()).isEqualTo(2);
  }

  @Test
  void aRunForAllUsersWidensATargetedPendingRun() {
    PendingRun pending = new PendingRun(1, Trigger.WEBHOOK, false, Set.of("a"), 0, 0);
    pending.merge(2, false, Set.of(), 0, 0);
    pending.merge(3, false, Set.of("b"), 0, 0);

    RunRequest request = pending.toRequest(false, () -> false);
    assertThat(request.userKeys()).isEmpty();
    assertThat(request.forceFull()).isFalse();
    assertThat(pending.triggerIds()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void waitsForAQuietPeriodButNoLongerThanTenDelays() {
    long second = 1_000_000_000L;
    PendingRun pending = new PendingRun(1, Trigger.WEBHOOK, false, Set.of(), 0, second);
    assertThat(pending.dueAtNanos()).isEqualTo(second);

    assertThat(pending.merge(2, false, Set.of(), second / 2, second)).isFalse();
    assertThat(pending.dueAtNanos()).isEqualTo(second + second / 2);
    pending.merge(3, false, Set.of(), 9 * second + second / 2, second);
    assertThat(pending.dueAtNanos()).isEqualTo(10 * second);

    assertThat(pending.merge(4, false, Set.of(), 3 * second, 0)).isTrue();
    assertThat(pending.dueAtNanos()).isEqualTo(3 * second);
    pending.merge(5, false, Set.of(), 4 * second, second);
    assertThat(pending.dueAtNanos()).isEqualTo(3 * second);
  }

  @Test
  void forcesAFullRunOnceFullEveryHasElapsedAndDropsKeys() {
    RecordingLauncher launcher = new RecordingLauncher();
    RunCoordinator coordinator =
        coordinator(launcher, Duration.ofHours(6), NOW.minus(Duration.ofHours(7)));
    TriggerReceipt first = submit(coordinator, Set.of("u1"), false, Duration.ZERO);
    awaitDone(coordinator, List.of(first));
    TriggerReceipt second = submit(coordinator, Set.of("u1"), false, Duration.ZERO);
    awaitDone(coordinator, List.of(second));

    assertThat(launcher.requests().get(0).forceFull()).isTrue();
    assertThat(launcher.requests().get(0).userKeys()).isEmpty();
    // the first run was full at NOW, so with a fixed clock the next one is not due
    assertThat(launcher.requests().get(1).forceFull()).isFalse();
    assertThat(launcher.requests().get(1).userKeys()).containsExactly("u1");
  }

  @Test
  void aFailingLauncherMarksItsTriggersFailedAndTheNextTriggerStillRuns() {
    AtomicBoolean fail = new AtomicBoolean(true);
    RecordingLauncher recording = new RecordingLauncher();
    RunCoordinator coordinator =
        coordinator(
            request -> {
              if (fail.getAndSet(false)) {
                throw new IllegalStateException("source unreadable");
              }
              return recording.launch(request);
            },
            null,
            null);
    TriggerReceipt failing = submit(coordinator, Set.of(), false, Duration.ZERO);
    Eventually.await(
        WAIT,
        "failed trigger",
        () ->
            coordinator.status(failing.triggerId()).orElseThrow().state()
                == TriggerStatus.State.FAILED);
    TriggerReceipt next = submit(coordinator, Set.of(), false, Duration.ZERO);
    awaitDone(coordinator, List.of(next));
    assertThat(recording.started()).isEqualTo(1);
    assertThat(coordinator.status(failing.triggerId()).orElseThrow().result()).isNull();
  }

  @Test
  void closeRaisesTheStopSignalWaitsForTheRunAndRefusesNewTriggers() {
    RecordingLauncher launcher = new RecordingLauncher().hold();
    RunCoordinator coordinator = coordinator(launcher, null, null);
    TriggerReceipt running = submit(coordinator, Set.of(), false, Duration.ZERO);
    Eventually.await(WAIT, "run started", () -> launcher.started() == 1);
    TriggerReceipt pending = submit(coordinator, Set.of(), false, Duration.ZERO);

    boolean stoppedInTime = coordinator.close(Duration.ofSeconds(10));

    assertThat(stoppedInTime).isTrue();
    assertThat(launcher.finished()).isEqualTo(1);
    assertThat(launcher.stopSeen()).containsExactly(true);
    assertThat(coordinator.status(running.triggerId()).orElseThrow().state())
        .isEqualTo(TriggerStatus.State.DONE);
    assertThat(coordinator.status(pending.triggerId()).orElseThrow().state())
        .isEqualTo(TriggerStatus.State.CANCELLED);
    assertThat(coordinator.submit(Trigger.SCHEDULE, false, Set.of(), Duration.ZERO)).isEmpty();
    assertThat(coordinator.accepting()).isFalse();
    assertThat(launcher.started()).isEqualTo(1);
  }
}
