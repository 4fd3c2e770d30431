package org.scimsync.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.service.RecordingLauncher;
import org.scimsync.service.Trigger;
import org.scimsync.service.TriggerReceipt;
import org.scimsync.service.TriggerStatus;

class TargetQueuesTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final RecordingLauncher slow = new RecordingLauncher().hold();
  private final RecordingLauncher fast = new RecordingLauncher();
  private final RecordingLauncher failing = new RecordingLauncher().endingWith(4);
  private TargetQueues queues;

  private TargetQueues queues() {
    Map<String, RunCoordinator> each = new LinkedHashMap<>();
    each.put("slow", coordinator(slow));
    each.put("fast", coordinator(fast));
    each.put("failing", coordinator(failing));
    queues = new TargetQueues(each);
    return queues;
  }

  private static RunCoordinator coordinator(RecordingLauncher launcher) {
    return new RunCoordinator(launcher, (request, result) -> {}, Clock.systemUTC(), null, null);
  }

  @AfterEach
  void close() {
    slow.release();
    if (queues != null) {
      queues.close(Duration.ofSeconds(5));
    }
  }

  private TriggerStatus.State state(TriggerReceipt receipt) {
    return queues.status(receipt.triggerId()).orElseThrow().state();
  }

  @Test
  void aSlowTargetNeverDelaysTheOthersRunsOfLaterTriggers() {
    TargetQueues queues = queues();
    TriggerReceipt first = queues.submit(Trigger.SCHEDULE, false, Set.of(), Duration.ZERO).get();
    Eventually.await(WAIT, "the slow target's first run started", () -> slow.started() == 1);
    Eventually.await(WAIT, "the others' first runs ended", () -> fast.finished() == 1);

    TriggerReceipt second = queues.submit(Trigger.WEBHOOK, false, Set.of(), Duration.ZERO).get();
    TriggerReceipt third = queues.submit(Trigger.WEBHOOK, false, Set.of(), Duration.ZERO).get();
    Eventually.await(
        WAIT,
        "the fast target ran for the later triggers while the slow one still runs its first",
        () -> fast.finished() >= 2 && failing.finished() >= 2);

    assertThat(slow.started()).isEqualTo(1);
    assertThat(slow.finished()).isZero();
    assertThat(state(first)).isEqualTo(TriggerStatus.State.RUNNING);
    assertThat(state(second)).isEqualTo(TriggerStatus.State.PENDING);

    slow.release();
    Eventually.await(WAIT, "every trigger served", () -> state(third) == TriggerStatus.State.DONE);
    TriggerStatus done = queues.status(first.triggerId()).orElseThrow();
    assertThat(done.result()).isNotNull();
    assertThat(done.result().exitCode()).as("the worst target's result").isEqualTo(4);
    assertThat(slow.started()).as("the two later triggers merged into one run").isEqualTo(2);
  }

  @Test
  void aTriggerForOneTargetRunsOnlyThatTarget() {
    TargetQueues queues = queues();
    TriggerReceipt receipt =
        queues.submit("fast", Trigger.UI, true, Set.of(), Duration.ZERO).orElseThrow();
    Eventually.await(WAIT, "served", () -> state(receipt) == TriggerStatus.State.DONE);

    assertThat(fast.requests()).hasSize(1);
    assertThat(fast.requests().get(0).forceFull()).isTrue();
    assertThat(slow.started()).isZero();
    assertThat(failing.started()).isZero();
    assertThatThrownBy(() -> queues.submit("nope", Trigger.UI, false, Set.of(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void theRunsOfOneTriggerAreAskedForAtTheSameMomentSoTheyShareTheDirectoryRead() {
    slow.release();
    TargetQueues queues = queues();
    long before = System.nanoTime();
    TriggerReceipt receipt =
        queues.submit(Trigger.WEBHOOK, false, Set.of(), Duration.ofMillis(50)).orElseThrow();
    Eventually.await(WAIT, "served", () -> state(receipt) == TriggerStatus.State.DONE);

    long asked = fast.requests().get(0).askedAtNanos();
    assertThat(asked).isGreaterThanOrEqualTo(before);
    assertThat(slow.requests().get(0).askedAtNanos()).isEqualTo(asked);
    assertThat(failing.requests().get(0).askedAtNanos()).isEqualTo(asked);
  }
}
