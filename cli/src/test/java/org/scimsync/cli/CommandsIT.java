package org.scimsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.emulator.ScimEmulator;

/** Every command against the emulator, in-process, with the exit code of each failure class. */
class CommandsIT {

  private static ScimEmulator emulator;

  @TempDir Path dir;

  private SyncSetup setup;

  @BeforeAll
  static void startEmulator() {
    emulator = ScimEmulator.builder().token(SyncSetup.TOKEN).build().start();
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void freshTarget() throws IOException {
    emulator.reset();
    emulator.resetStats();
    setup = new SyncSetup(emulator, dir);
  }

  @AfterEach
  void noSecretPrinted() {
    // each test records its runs in `runs`; checked here so no test can forget it
    runs.forEach(run -> assertThat(run.all()).doesNotContain(SyncSetup.TOKEN));
  }

  private final java.util.List<CliRun> runs = new java.util.ArrayList<>();

  private CliRun run(String... args) {
    CliRun run = setup.run(args);
    runs.add(run);
    return run;
  }

  @Test
  void syncCreatesEverythingThenHasNothingToDo() {
    CliRun first = run("sync");
    assertThat(first.exitCode()).as(first.all()).isZero();
    assertThat(first.out())
        .contains("+ create user alice@example.org")
        .contains("+ create group aws-engineering (8 members)")
        .contains("Plan: 30 to create")
        .doesNotContain("printers");
    assertThat(emulator.snapshot().users()).hasSize(25);
    assertThat(emulator.snapshot().groups()).hasSize(5);

    CliRun second = run("sync");
    assertThat(second.exitCode()).as(second.all()).isZero();
    assertThat(second.out()).contains("No changes");
  }

  @Test
  void aSyncAfterOneThatFoundNothingToDoReadsNothingUntilTheExportChanges() throws IOException {
    assertThat(run("sync").exitCode()).isZero();
    assertThat(run("sync").out()).contains("No changes").doesNotContain("found nothing to do");
    emulator.resetStats();

    CliRun spared = run("sync");

    assertThat(spared.exitCode()).as(spared.all()).isZero();
    assertThat(spared.out())
        .contains("No changes")
        .contains("the same as in run 2, which found nothing to do");
    assertThat(emulator.stats().byApi()).isEmpty();
    assertThat(run("history", "--run", "3").out()).contains("the same as in run 2");

    Path directory = setup.dir.resolve("directory.ldif");
    Files.writeString(
        directory,
        Files.readString(directory).replace("title: Staff Engineer", "title: Principal Engineer"));
    CliRun changed = run("sync");
    assertThat(changed.exitCode()).as(changed.all()).isZero();
    assertThat(changed.out())
        .contains("~ update user alice@example.org")
        .doesNotContain("found nothing to do");
  }

  @Test
  void dryRunPrintsThePlanAndWritesNothing() {
    CliRun dry = run("sync", "--dry-run", "--full", "--verify-members");
    assertThat(dry.exitCode()).as(dry.all()).isZero();
    assertThat(dry.out()).contains("+ create user alice@example.org").contains("(dry run)");
    assertThat(emulator.snapshot().users()).isEmpty();
    assertThat(emulator.stats().writes()).isZero();
    assertThat(run("history").out()).contains("No runs yet");
  }

  @Test
  void jsonOutputIsOneParseableDocument() throws IOException {
    CliRun sync = run("sync", "--output", "json");
    assertThat(sync.exitCode()).as(sync.all()).isZero();
    JsonNode report = new ObjectMapper().readTree(sync.out());
    assertThat(report.path("exitCode").asInt(-1)).isZero();
    assertThat(report.path("applied").asInt()).isEqualTo(30);
    assertThat(report.path("plan").path("changes").size()).isEqualTo(30);
  }

  @Test
  void jsonLogLinesGoToStderrAndHoldNoSecret() throws IOException {
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.err;
    CliRun sync;
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      sync = run("--log-format", "json", "--verbose", "sync");
    } finally {
      System.setErr(original);
    }
    assertThat(sync.exitCode()).as(sync.all()).isZero();
    String logs = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    java.util.List<String> lines = logs.lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(json.readTree(line).has("message")).as(line).isTrue();
    }
    assertThat(logs).contains("run finished").doesNotContain(SyncSetup.TOKEN);
    assertThat(sync.out()).doesNotContain("run finished");
  }

  @Test
  void planWritesNothingAndApplyAppliesTheSavedPlan() throws IOException {
    Path saved = dir.resolve("plan.json");
    CliRun plan = run("plan", "--out", saved.toString());
    assertThat(plan.exitCode()).as(plan.all()).isZero();
    assertThat(plan.out()).contains("+ create user bob@example.org").contains("Plan saved to");
    assertThat(emulator.snapshot().users()).isEmpty();
    assertThat(Files.readString(saved)).contains("bob@example.org");

    CliRun apply = run("apply", saved.toString());
    assertThat(apply.exitCode()).as(apply.all()).isZero();
    assertThat(emulator.snapshot().users()).hasSize(25);

    CliRun stale = run("apply", saved.toString());
    assertThat(stale.exitCode()).isEqualTo(3);
    assertThat(stale.err()).contains("stale");
  }

  @Test
  void applyOfAMissingOrBrokenPlanExitsWithTwo() throws IOException {
    assertThat(run("apply", dir.resolve("none.json").toString()).exitCode()).isEqualTo(2);
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{not json");
    CliRun run = run("apply", broken.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not a saved plan");

    Path earlier = dir.resolve("earlier.json");
    Files.writeString(earlier, "{\"full\": true, \"changes\": [], \"fingerprints\": {}}");
    CliRun old = run("apply", earlier.toString());
    assertThat(old.exitCode()).isEqualTo(2);
    assertThat(old.err()).contains("saved by an earlier version of scim-sync", "plan again");
  }

  @Test
  void statusAndHistoryShowTheRuns() {
    CliRun before = run("status");
    assertThat(before.exitCode()).isZero();
    assertThat(before.out()).contains("No runs yet");
    assertThat(run("sync").exitCode()).isZero();

    CliRun status = run("status");
    assertThat(status.exitCode()).as(status.all()).isZero();
    assertThat(status.out()).contains("25 users (0 disabled), 5 groups").contains("SUCCEEDED");
    CliRun history = run("history");
    assertThat(history.out()).contains("run 1").contains("cli  full").contains("30 applied");
    CliRun detail = run("history", "--run", "1");
    assertThat(detail.exitCode()).as(detail.all()).isZero();
    assertThat(detail.out()).contains("alice@example.org").contains("APPLIED");
    assertThat(run("history", "--run", "42").exitCode()).isEqualTo(2);
  }

  @Test
  void guardStopsMassDeletionWithThreeUnlessAllowed() throws IOException {
    assertThat(run("sync").exitCode()).isZero();
    Files.writeString(
        dir.resolve("directory.ldif"),
        Files.readString(dir.resolve("directory.ldif"))
            .replaceAll("(?m)^mail: (bob|carol|dave|erin)@example.org$", "description: no mail"));

    CliRun stopped = run("sync");
    assertThat(stopped.exitCode()).as(stopped.all()).isEqualTo(3);
    assertThat(stopped.out()).contains("SAFETY");
    assertThat(emulator.snapshot().users()).hasSize(25);

    CliRun allowed = run("sync", "--allow-deletes");
    assertThat(allowed.exitCode()).as(allowed.all()).isZero();
    assertThat(emulator.snapshot().users()).hasSize(21);
  }

  @Test
  void oneRefusedUserIsAPartialFailureWithOne() throws IOException {
    // a blank displayName passes the sanitizer (AWS's character rule allows spaces) but the
    // target refuses it: the run applies the 24 others and exits 1
    setup.writeConfig(emulator.baseUri().toString(), "");
    Files.writeString(
        setup.config,
        Files.readString(setup.config)
            .replace(
                "displayName: user.displayName",
                "displayName: \"user.uid == 'bob' ? '   ' : user.displayName\""));
    CliRun run = run("sync");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED").contains("bob@example.org");
    assertThat(emulator.snapshot().users()).hasSize(24);
    // the target's request id (AWS support asks for it) is in the report and the run history
    assertThat(run.out()).containsPattern("bob@example.org: .*\\(request id [^)]+\\)");
    CliRun history = run("history", "--run", "1");
    assertThat(history.out()).as(history.all()).containsPattern("\\(request id [^)]+\\)");
  }

  @Test
  void wrongTokenExitsWithFour() throws IOException {
    CliRun run =
        CliRun.of(
            java.util.Map.of("SCIM_TOKEN", "wrong-token"), "sync", "-c", setup.config.toString());
    assertThat(run.exitCode()).as(run.all()).isEqualTo(4);
    assertThat(run.err()).contains("401");
    assertThat(run.all()).doesNotContain("wrong-token");
    assertThat(emulator.snapshot().users()).isEmpty();
  }

  @Test
  void unreachableTargetExitsWithFour() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    setup.writeConfig("http://127.0.0.1:" + closedPort + "/scim/v2", "");
    CliRun sync = run("sync");
    assertThat(sync.exitCode()).as(sync.all()).isEqualTo(4);
    CliRun validate = run("validate");
    assertThat(validate.exitCode()).isEqualTo(4);
    assertThat(validate.out()).contains("FAIL  target");
  }

  @Test
  void validateReportsEachStep() {
    CliRun run = run("validate");
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out())
        .contains("ok    rules")
        .contains("25 users, 6 groups")
        .contains("25 users and 5 groups in scope")
        .contains("token accepted")
        .contains("valid:");
  }

  @Test
  void brokenExpressionExitsWithTwoNamingKeyAndLine() throws IOException {
    setup.writeConfig(emulator.baseUri().toString(), "nickName: user.sn +* 'x'");
    CliRun validate = run("validate");
    assertThat(validate.exitCode()).as(validate.all()).isEqualTo(2);
    assertThat(validate.out()).contains("users.map.nickName").contains(setup.config + ":17:");
    CliRun sync = run("sync");
    assertThat(sync.exitCode()).isEqualTo(2);
    assertThat(sync.err()).contains(setup.config + ":17: users.map.nickName");
  }
}
