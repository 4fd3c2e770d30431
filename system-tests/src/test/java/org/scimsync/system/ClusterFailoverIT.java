package org.scimsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.cli.command.ScimSyncCommand;
import org.scimsync.emulator.EmulatorState;
import org.scimsync.emulator.FaultSettings;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.service.WebhookSignature;
import org.scimsync.state.postgres.PostgresConnection;
import org.scimsync.state.postgres.PostgresStateStore;
import org.scimsync.state.postgres.servers.PostgresServer;

/**
 * Two {@code scim-sync serve} processes sharing one real PostgreSQL, syncing a directory into the
 * emulator: a scheduled slot runs once, a webhook posted to one instance while the cluster is busy
 * runs once, and an instance killed with SIGKILL in the middle of a run is taken over by the other,
 * which finishes the run with no duplicate and no lost membership.
 */
class ClusterFailoverIT {

  private static final String TOKEN = "cluster-emulator-token";
  private static final String WEBHOOK_SECRET = "a webhook secret for the cluster test";
  private static final Duration CHECKIN = Duration.ofSeconds(1);
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int USERS = 90;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private PostgresServer server;
  private PostgresConnection database;
  private ScimEmulator emulator;
  private final List<ServeInstance> instances = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() throws Exception {
    server = PostgresServer.get();
    database = server.connection(server.newSchema());
    // every request takes 20 ms and the target takes one at a time: a whole run takes seconds
    emulator =
        ScimEmulator.builder()
            .token(TOKEN)
            .faults(FaultSettings.none().withLatency(Duration.ofMillis(20)))
            .build()
            .start();
    Files.writeString(dir.resolve("directory.ldif"), directory());
  }

  @AfterEach
  void tearDown() throws Exception {
    for (ServeInstance instance : instances) {
      instance.close();
    }
    emulator.close();
  }

  @Test
  void aScheduledSlotRunsOnceInTheCluster() throws Exception {
    // one slot only (Quartz cron expressions may name the year), after both have joined
    LocalDateTime slot =
        LocalDateTime.now(ZoneId.systemDefault()).plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
    String cron =
        "%d %d %d %d %d ? %d"
            .formatted(
                slot.getSecond(),
                slot.getMinute(),
                slot.getHour(),
                slot.getDayOfMonth(),
                slot.getMonthValue(),
                slot.getYear());
    Path config = config(cron);
    ServeInstance a = start(config);
    ServeInstance b = start(config);
    awaitMembers(a, b);
    assertThat(LocalDateTime.now(ZoneId.systemDefault()))
        .as("both instances joined before the slot (else the test proves nothing)")
        .isBefore(slot);

    Eventually.await(WAIT, "the scheduled run to end", () -> finishedRuns("schedule") == 1);
    Eventually.await(WAIT, "the fired slot to leave the job store", () -> scheduleTriggers() == 0);

    assertThat(runs()).as("runs in the shared history").hasSize(1);
    assertThat(emulator.snapshot().users()).hasSize(USERS);
  }

  @Test
  void aWebhookPostedToOneInstanceWhileTheClusterIsBusyRunsOnce() throws Exception {
    Path config = config(null);
    ServeInstance a = start(config);
    ServeInstance b = start(config);
    awaitMembers(a, b);

    assertThat(postWebhook(a).statusCode()).isEqualTo(202);
    Eventually.await(WAIT, "the first run to be under way", () -> runningRuns() == 1);
    HttpResponse<String> accepted = postWebhook(b);
    assertThat(accepted.statusCode()).isEqualTo(202);
    long triggerId = JSON.readTree(accepted.body()).get("triggerId").asLong();

    Eventually.await(
        WAIT, "the trigger to be done, as instance A sees it", () -> triggerDone(a, triggerId));

    List<RunRecord> runs = runs();
    assertThat(runs).hasSize(2).allSatisfy(run -> assertThat(run.summary()).isNotNull());
    RunRecord first = runs.get(1);
    RunRecord second = runs.get(0);
    assertThat(second.start().startedAt())
        .as("the second run starts after the first has ended")
        .isAfterOrEqualTo(first.summary().finishedAt());
    assertConverged(emulator.snapshot());

    // the one-shot commands read the same shared state
    StringWriter status = new StringWriter();
    assertThat(
            ScimSyncCommand.newCommandLine(environment())
                .setOut(new PrintWriter(status))
                .execute("status", "--config", config.toString()))
        .isZero();
    assertThat(status.toString()).contains(database.url()).contains(USERS + " users");
  }

  @Test
  void anInstanceKilledMidRunIsTakenOverWithNoDuplicateAndNoLostMembership() throws Exception {
    Path config = config(null);
    ServeInstance a = start(config);
    ServeInstance b = start(config);
    awaitMembers(a, b);

    assertThat(postWebhook(a).statusCode()).isEqualTo(202);
    Eventually.await(
        WAIT, "the run to be half-way", () -> emulator.snapshot().users().size() >= USERS / 3);
    long holder = runLockHolderPid();
    ServeInstance running = holder == a.pid() ? a : b;
    ServeInstance survivor = running == a ? b : a;
    assertThat(running.pid()).as("the run's process holds the run lock").isEqualTo(holder);
    int before = emulator.snapshot().users().size();
    assertThat(before).as("killed mid-run").isLessThan(USERS);

    long killedAt = System.nanoTime();
    running.kill();
    Eventually.await(WAIT, "the survivor to take the run over", () -> runHeldBy(survivor.pid()));
    Duration takeOver = Duration.ofNanos(System.nanoTime() - killedAt);
    Eventually.await(WAIT, "a second run to start", () -> runs().size() == 2);
    Duration restarted = Duration.ofNanos(System.nanoTime() - killedAt);
    Eventually.await(WAIT, "the taken-over run to end", () -> runs().get(0).summary() != null);

    System.out.printf(
        "cluster: run taken over %d ms after SIGKILL, restarted after %d ms%n",
        takeOver.toMillis(), restarted.toMillis());
    assertThat(survivor.alive()).isTrue();
    assertThat(takeOver)
        .as("take-over after SIGKILL (3 check-in intervals)")
        .isLessThanOrEqualTo(CHECKIN.multipliedBy(3));
    // and the taken-over run records itself soon after (its first run in that JVM)
    assertThat(restarted).isLessThanOrEqualTo(CHECKIN.multipliedBy(3).plusSeconds(3));
    assertConverged(emulator.snapshot());
    try (PostgresStateStore store = PostgresStateStore.open(database)) {
      assertThat(store.unfinishedChanges()).as("the journal is repaired").isEmpty();
    }
    assertThat(runs().get(1).summary()).as("the killed instance's run is closed").isNotNull();
    assertThat(runs().get(1).summary().message()).startsWith("abandoned");
  }

  /** Every user once, every group with all its members: no duplicate, no lost membership. */
  private static void assertConverged(EmulatorState state) {
    assertThat(state.users()).hasSize(USERS);
    Set<String> userNames = new HashSet<>();
    state.users().forEach(user -> userNames.add(user.userName()));
    assertThat(userNames).as("no user twice").hasSize(USERS);
    Map<String, Integer> members = new HashMap<>();
    state.groups().forEach(group -> members.put(group.displayName(), group.memberIds().size()));
    assertThat(members)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("aws-everyone", USERS, "aws-even", USERS / 2, "aws-tens", USERS / 10));
  }

  private ServeInstance start(Path config) throws Exception {
    ServeInstance instance = ServeInstance.start(config, environment());
    instances.add(instance);
    return instance;
  }

  private static Map<String, String> environment() {
    return Map.of(
        "SCIM_TOKEN", TOKEN,
        "DB_PASSWORD", PostgresServer.PASSWORD,
        "WEBHOOK_SECRET", WEBHOOK_SECRET);
  }

  private void awaitMembers(ServeInstance a, ServeInstance b) throws Exception {
    a.port();
    b.port();
    for (ServeInstance instance : List.of(a, b)) {
      Eventually.await(
          WAIT,
          "instance " + instance.pid() + " to be a ready member of the cluster",
          () -> {
            HttpResponse<String> ready = get(instance, "/readyz");
            JsonNode cluster = json(ready.body()).path("cluster");
            return ready.statusCode() == 200
                && cluster.path("member").asBoolean()
                && cluster.path("instances").asInt() == 2;
          });
    }
  }

  private HttpResponse<String> postWebhook(ServeInstance instance) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + instance.port() + "/hooks/directory-changed"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json")
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
            .header(
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.ofUtf8(WEBHOOK_SECRET).sign(now, body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private boolean triggerDone(ServeInstance instance, long triggerId) {
    return "done"
        .equals(json(get(instance, "/triggers/" + triggerId).body()).path("state").asText());
  }

  private HttpResponse<String> get(ServeInstance instance, String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("GET " + path + " failed: " + e + "\n" + instance.output(), e);
    }
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private List<RunRecord> runs() {
    try (PostgresStateStore store = PostgresStateStore.open(database)) {
      return store.recentRuns(100);
    }
  }

  private long finishedRuns(String trigger) {
    return runs().stream()
        .filter(run -> run.start().trigger().equals(trigger) && run.summary() != null)
        .count();
  }

  private long runningRuns() {
    return runs().stream().filter(run -> run.summary() == null).count();
  }

  /** The pid of the process whose session holds the state store's run lock. */
  private long runLockHolderPid() throws SQLException {
    try (Connection connection = server.connect("public");
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT application_name FROM pg_stat_activity"
                    + " WHERE application_name LIKE 'scim-sync run pid %'");
        ResultSet rows = select.executeQuery()) {
      assertThat(rows.next()).as("a session holds the run lock").isTrue();
      String name = rows.getString(1);
      return Long.parseLong(name.split(" ")[3]);
    }
  }

  /** True when the survivor's scheduler has fired the run (Quartz's recovery of the dead one's). */
  private boolean runHeldBy(long pid) {
    try (Connection connection = server.connect(schema());
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT count(*) FROM qrtz_fired_triggers WHERE instance_name LIKE ?")) {
      select.setString(1, "%-" + pid);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1) > 0;
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private String schema() {
    return database.url().substring(database.url().indexOf("currentSchema=") + 14);
  }

  private int scheduleTriggers() {
    try (Connection connection =
            server.connect(
                database.url().substring(database.url().indexOf("currentSchema=") + 14));
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'schedule'");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private Path config(String cron) throws Exception {
    String schedule =
        cron == null
            ? "schedule:\n  catchUpOnStart: false\n  clusterCheckinInterval: 1s\n"
            : "schedule:\n  cron: \"%s\"\n  catchUpOnStart: false\n  clusterCheckinInterval: 1s\n"
                .formatted(cron);
    Path config = dir.resolve("scim-sync.yaml");
    Files.writeString(
        config,
        """
        source:
          type: ldif
          path: directory.ldif
        target:
          url: %s
          token: ${SCIM_TOKEN}
          maxConcurrency: 1
        state:
          url: %s
          user: %s
          password: ${DB_PASSWORD}
        users:
          include: user.mail != null
          map:
            userName: user.mail
            displayName: user.cn
            name.givenName: user.givenName
            name.familyName: user.sn
            emails: "[{'value': user.mail, 'type': 'work', 'primary': true}]"
        groups:
          include: group.cn =^ 'aws-'
        webhook:
          listen: 127.0.0.1:0
          secret: ${WEBHOOK_SECRET}
          debounce: 1s
        %s
        """
            .formatted(emulator.baseUri(), database.url(), PostgresServer.USER, schedule));
    return config;
  }

  /** USERS people; aws-everyone has all, aws-even every second, aws-tens every tenth. */
  private static String directory() {
    StringBuilder ldif = new StringBuilder("version: 1\n\n");
    for (int i = 0; i < USERS; i++) {
      ldif.append(
          """
          dn: uid=user%1$03d,ou=people,dc=example,dc=org
          objectClass: inetOrgPerson
          uid: user%1$03d
          cn: User %1$03d
          givenName: User
          sn: Number%1$03d
          mail: user%1$03d@example.org
          entryUUID: 00000000-0000-4000-8000-%1$012d

          """
              .formatted(i));
    }
    ldif.append(group("aws-everyone", 1, 1)).append(group("aws-even", 2, 2));
    ldif.append(group("aws-tens", 3, 10));
    return ldif.toString();
  }

  private static String group(String cn, int uuid, int every) {
    StringBuilder group =
        new StringBuilder(
            """
            dn: cn=%s,ou=groups,dc=example,dc=org
            objectClass: groupOfNames
            cn: %s
            entryUUID: 10000000-0000-4000-8000-%012d
            """
                .formatted(cn, cn, uuid));
    for (int i = 0; i < USERS; i += every) {
      group.append("member: uid=user%03d,ou=people,dc=example,dc=org\n".formatted(i));
    }
    return group.append('\n').toString();
  }
}
