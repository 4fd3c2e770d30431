package org.scimsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.state.postgres.PostgresConnection;
import org.scimsync.state.postgres.PostgresStateStore;
import org.scimsync.state.postgres.servers.PostgresServer;

/**
 * Several targets in a cluster on a real PostgreSQL: each target's runs are scheduled on their own,
 * so a target whose run is held never delays another's runs of later triggers, and the runs of one
 * trigger are asked for at its fire time.
 */
class ClusteredTargetsIT {

  private static final Duration CHECKIN = Duration.ofMillis(500);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private PostgresConnection database;
  private final List<SyncService> services = new ArrayList<>();
  private final RecordingLauncher slow = new RecordingLauncher().hold();
  private final RecordingLauncher fast = new RecordingLauncher();

  @BeforeEach
  void sharedDatabase() throws Exception {
    PostgresServer server = PostgresServer.get();
    database = server.connection(server.newSchema());
    PostgresStateStore.open(database).close(); // the migrations create Quartz's tables
  }

  @AfterEach
  void stop() {
    slow.release();
    services.forEach(SyncService::close);
  }

  private SyncService instance(String name) {
    ServiceSettings settings =
        new ServiceSettings(
            new InetSocketAddress("127.0.0.1", 0),
            null,
            null,
            Duration.ZERO,
            Duration.ofSeconds(10),
            false);
    SyncService service =
        new SyncService(
            settings,
            List.of(
                new ServiceTarget("slow", slow, new RunHistoryDouble()),
                new ServiceTarget("fast", fast, new RunHistoryDouble())),
            null,
            ReadinessProbe.ALWAYS_READY,
            SyncMetrics.create(),
            Clock.systemUTC(),
            new SyncService.Extras(
                new ClusterSettings(database.dataSource(), name, CHECKIN), null, null));
    service.start();
    services.add(service);
    return service;
  }

  @Test
  void aHeldTargetNeverDelaysTheOtherTargetsLaterRuns() {
    SyncService service = instance("a");

    service.trigger(Trigger.SCHEDULE).orElseThrow();
    Eventually.await(WAIT, "the slow target's run started", () -> slow.started() == 1);
    Eventually.await(WAIT, "the fast target's first run ended", () -> fast.finished() == 1);

    service.trigger(Trigger.WEBHOOK).orElseThrow();
    service.trigger(Trigger.WEBHOOK).orElseThrow();
    Eventually.await(
        WAIT,
        "the fast target ran for the later triggers while the slow one still runs its first",
        () -> fast.finished() == 3);
    assertThat(slow.started()).isEqualTo(1);
    assertThat(slow.finished()).isZero();

    slow.release();
    Eventually.await(WAIT, "the slow target caught up", () -> slow.finished() == 3);
    assertThat(slow.maxConcurrency()).as("one run of a target at a time").isEqualTo(1);
  }

  @Test
  void theRunsOfOneTriggerAreAskedForAtItsFireTime() {
    slow.release();
    SyncService service = instance("a");
    long before = System.nanoTime();
    service.trigger(Trigger.SCHEDULE).orElseThrow();
    Eventually.await(WAIT, "both targets ran", () -> slow.finished() == 1 && fast.finished() == 1);

    long slowAsked = slow.requests().get(0).askedAtNanos();
    long fastAsked = fast.requests().get(0).askedAtNanos();
    assertThat(Math.abs(slowAsked - fastAsked))
        .as("asked for at the trigger's one fire time (to the millisecond Quartz keeps)")
        .isLessThan(Duration.ofMillis(3).toNanos());
    assertThat(Math.min(slowAsked, fastAsked))
        .isGreaterThanOrEqualTo(before - Duration.ofMillis(5).toNanos());
  }

  @Test
  void aSecondInstanceTakesOverEachTargetOnItsOwn() {
    SyncService first = instance("a");
    instance("b");
    first.trigger(Trigger.SCHEDULE).orElseThrow();
    Eventually.await(WAIT, "the slow target's run started", () -> slow.started() == 1);
    Eventually.await(WAIT, "the fast target's run ended", () -> fast.finished() == 1);

    first.trigger(Trigger.WEBHOOK).orElseThrow();
    Eventually.await(
        WAIT,
        "the fast target's second run, on either instance, while the slow one is held",
        () -> fast.finished() == 2);
    assertThat(slow.started()).isEqualTo(1);
  }
}
