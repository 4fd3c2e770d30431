package org.scimsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.state.postgres.PostgresConnection;
import org.scimsync.state.postgres.PostgresStateStore;
import org.scimsync.state.postgres.servers.PostgresServer;

/**
 * Two instances of the service in one cluster on a real PostgreSQL: a scheduled slot fires on one
 * of them, a webhook accepted by one while the other runs is stored and runs once, trigger ids and
 * the replay memory are shared, and {@code /readyz} tells whether an instance is a member.
 */
class ClusteredServiceIT {

  private static final Duration CHECKIN = Duration.ofMillis(500);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private PostgresServer server;
  private String schema;
  private PostgresConnection database;
  private final List<ServiceFixture> instances = new ArrayList<>();

  @BeforeEach
  void sharedDatabase() throws Exception {
    server = PostgresServer.get();
    schema = server.newSchema();
    database = server.connection(schema);
    PostgresStateStore.open(database).close(); // the migrations create Quartz's tables
  }

  @AfterEach
  void stopInstances() {
    instances.forEach(ServiceFixture::close);
  }

  private ServiceFixture instance(String name, RecordingLauncher launcher, String cron) {
    ServiceFixture fixture =
        new ServiceFixture(
            new ClusterSettings(database.dataSource(), name, CHECKIN),
            launcher,
            new RunHistoryDouble(),
            cron,
            Duration.ZERO,
            false,
            Clock.systemUTC());
    instances.add(fixture);
    return fixture;
  }

  @Test
  void aScheduledSlotRunsOnExactlyOneInstance() throws Exception {
    // one slot only, a few seconds ahead: Quartz cron expressions may name the year
    LocalDateTime slot =
        LocalDateTime.now(ZoneId.systemDefault()).plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    String once =
        "%d %d %d %d %d ? %d"
            .formatted(
                slot.getSecond(),
                slot.getMinute(),
                slot.getHour(),
                slot.getDayOfMonth(),
                slot.getMonthValue(),
                slot.getYear());
    RecordingLauncher a = new RecordingLauncher();
    RecordingLauncher b = new RecordingLauncher();
    instance("a", a, once);
    instance("b", b, once);
    assertThat(LocalDateTime.now(ZoneId.systemDefault()))
        .as("both instances joined before the slot (else the test proves nothing)")
        .isBefore(slot);

    Eventually.await(WAIT, "the slot to fire", () -> a.finished() + b.finished() >= 1);
    // the slot's trigger is gone once it has fired: no instance can fire it again
    Eventually.await(WAIT, "the fired slot to leave the job store", () -> triggers() == 0);

    assertThat(a.started() + b.started()).isEqualTo(1);
    assertThat(a.requests().isEmpty() ? b.requests() : a.requests())
        .singleElement()
        .satisfies(request -> assertThat(request.trigger()).isEqualTo(Trigger.SCHEDULE));
  }

  @Test
  void aWebhookPostedToOneInstanceWhileAnotherRunsIsStoredAndRunsOnce() throws Exception {
    RecordingLauncher a = new RecordingLauncher().hold();
    RecordingLauncher b = new RecordingLauncher().hold();
    ServiceFixture first = instance("a", a, null);
    ServiceFixture second = instance("b", b, null);

    HttpResponse<String> busy = first.postSigned("{\"users\": [\"u-1\"]}", ServiceFixture.now());
    assertThat(busy.statusCode()).isEqualTo(202);
    Eventually.await(WAIT, "a run to start", () -> a.running() + b.running() == 1);
    RecordingLauncher runner = a.running() == 1 ? a : b;
    RecordingLauncher other = runner == a ? b : a;

    HttpResponse<String> accepted =
        second.postSigned("{\"users\": [\"u-2\"]}", ServiceFixture.now());
    assertThat(accepted.statusCode()).isEqualTo(202);
    long id = ServiceFixture.json(accepted).get("triggerId").asLong();
    JsonNode pending = ServiceFixture.json(first.get("/triggers/" + id));
    assertThat(pending.get("state").asText()).isEqualTo("pending");

    other.release();
    runner.release();

    Eventually.await(WAIT, "both runs to end", () -> a.finished() + b.finished() == 2);
    Eventually.await(
        WAIT,
        "the trigger to be done, seen from the other instance",
        () -> "done".equals(json(first.get("/triggers/" + id)).get("state").asText()));
    assertThat(a.maxConcurrency() + b.maxConcurrency()).isLessThanOrEqualTo(2);
    List<RunRequest> all = new ArrayList<>(a.requests());
    all.addAll(b.requests());
    assertThat(all)
        .extracting(RunRequest::userKeys)
        .containsExactlyInAnyOrder(java.util.Set.of("u-1"), java.util.Set.of("u-2"));
    assertThat(a.running() + b.running()).isZero();
  }

  @Test
  void everyWebhookOfABurstToBothInstancesRunsExactlyOnce() {
    AtomicBoolean runLock = new AtomicBoolean();
    AtomicInteger together = new AtomicInteger();
    AtomicInteger maxTogether = new AtomicInteger();
    Duration work = Duration.ofMillis(150);
    RecordingLauncher a =
        new RecordingLauncher().working(work, together, maxTogether).locking(runLock);
    RecordingLauncher b =
        new RecordingLauncher().working(work, together, maxTogether).locking(runLock);
    ServiceFixture first = instance("a", a, null);
    ServiceFixture second = instance("b", b, null);

    Set<Set<String>> asked = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      for (ServiceFixture instance : List.of(first, second)) {
        String user = instance == first ? "a-" + i : "b-" + i;
        asked.add(Set.of(user));
        assertThat(instance.postSigned("{\"users\": [\"" + user + "\"]}", ServiceFixture.now()))
            .extracting(HttpResponse::statusCode)
            .isEqualTo(202);
      }
    }

    Eventually.await(WAIT, "eight runs", () -> a.finished() + b.finished() == 8);
    List<Set<String>> ran = new ArrayList<>();
    a.requests().forEach(r -> ran.add(r.userKeys()));
    b.requests().forEach(r -> ran.add(r.userKeys()));
    // a run that finds the state store locked by another instance's run is stored again, later
    assertThat(ran).hasSize(8).containsExactlyInAnyOrderElementsOf(asked);
    assertThat(maxTogether.get()).as("runs in progress at once in the cluster").isEqualTo(1);
  }

  @Test
  void aRequestReplayedToAnotherInstanceIsRefused() {
    ServiceFixture first = instance("a", new RecordingLauncher(), null);
    ServiceFixture second = instance("b", new RecordingLauncher(), null);
    long now = ServiceFixture.now();

    assertThat(first.postSigned("{}", now).statusCode()).isEqualTo(202);
    assertThat(second.postSigned("{}", now).statusCode()).isEqualTo(401);
    assertThat(first.postSigned("{}", now).statusCode()).isEqualTo(401);
  }

  @Test
  void readinessSaysWhetherTheInstanceIsPartOfTheCluster() throws Exception {
    ServiceFixture first = instance("a", new RecordingLauncher(), null);
    instance("b", new RecordingLauncher(), null);

    Eventually.await(
        WAIT,
        "both instances to have checked in",
        () -> json(first.get("/readyz")).path("cluster").path("instances").asInt() == 2);
    HttpResponse<String> ready = first.get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonNode cluster = ServiceFixture.json(ready).get("cluster");
    assertThat(cluster.get("instanceId").asText()).isEqualTo("a");
    assertThat(cluster.get("member").asBoolean()).isTrue();

    first.service.close();
    // a stopped instance leaves the cluster; the other one stays ready
    HttpResponse<String> other = instances.get(1).get("/readyz");
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(ServiceFixture.json(other).at("/cluster/member").asBoolean()).isTrue();
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return ServiceFixture.json(response);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private int triggers() {
    try (Connection connection = server.connect(schema);
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'schedule'");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
