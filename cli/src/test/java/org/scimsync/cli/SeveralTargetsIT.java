package org.scimsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.emulator.FaultSettings;
import org.scimsync.emulator.ScimEmulator;

/**
 * One configuration, three targets, one state file: a target answering 500s and a target stopped by
 * its safety guard while another converges in the same run; each named in the reports, the history
 * and the status.
 */
class SeveralTargetsIT {

  private static final String TOKEN = SyncSetup.TOKEN;

  private static ScimEmulator aws;
  private static ScimEmulator broken;
  private static ScimEmulator guarded;

  @TempDir Path dir;

  private Path config;

  @BeforeAll
  static void startEmulators() {
    aws = ScimEmulator.builder().token(TOKEN).build().start();
    broken = ScimEmulator.builder().token(TOKEN).build().start();
    guarded = ScimEmulator.builder().token(TOKEN).build().start();
  }

  @AfterAll
  static void stopEmulators() {
    aws.close();
    broken.close();
    guarded.close();
  }

  @BeforeEach
  void fresh() throws IOException {
    for (ScimEmulator emulator : new ScimEmulator[] {aws, broken, guarded}) {
      emulator.reset();
      emulator.faults(FaultSettings.none());
    }
    try (InputStream in = SeveralTargetsIT.class.getResourceAsStream("/demo/directory.ldif")) {
      Files.write(dir.resolve("directory.ldif"), in.readAllBytes());
    }
    config = dir.resolve("scim-sync.yaml");
    writeConfig("user.mail != null");
  }

  /** Three targets sharing the top-level rules, but {@code guarded} with users of its own. */
  private void writeConfig(String guardedUsers) throws IOException {
    Files.writeString(
        config,
        """
        source:
          type: ldif
          path: directory.ldif
        targets:
          - name: aws
            url: %s
            token: ${SCIM_TOKEN}
            maxAttempts: 1
          - name: broken
            url: %s
            token: ${SCIM_TOKEN}
            maxAttempts: 1
          - name: guarded
            url: %s
            token: ${SCIM_TOKEN}
            maxAttempts: 1
            users:
              include: %s
              map:
                userName: user.mail
                displayName: user.displayName
                name.givenName: user.givenName
                name.familyName: user.sn
        users:
          include: user.mail != null
          map:
            userName: user.mail
            displayName: user.displayName
            name.givenName: user.givenName
            name.familyName: user.sn
        groups:
          include: group.cn =^ 'aws-'
        deprovision:
          users: delete
          groups: delete
          maxDeletes: 3
          maxDeletePercent: 50
        """
            .formatted(aws.baseUri(), broken.baseUri(), guarded.baseUri(), guardedUsers));
  }

  private CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    CliRun run = CliRun.of(Map.of("SCIM_TOKEN", TOKEN), all);
    assertThat(run.all()).doesNotContain(TOKEN);
    return run;
  }

  @Test
  void oneTargetFailingAndOneStoppedByItsGuardNeverStopTheThird() throws IOException {
    CliRun first = run("sync", "--target", "guarded");
    assertThat(first.exitCode()).as(first.all()).isZero();
    assertThat(guarded.snapshot().users()).as(first.all()).hasSize(25);
    assertThat(aws.snapshot().users()).isEmpty();

    broken.faults(FaultSettings.none().withError500BeforeRatio(1.0));
    writeConfig("user.mail == 'nobody@example.org'");
    CliRun all = run("sync");

    assertThat(all.exitCode()).as(all.all()).isEqualTo(4);
    assertThat(all.out())
        .contains("== target aws ==")
        .contains("== target broken ==")
        .contains("== target guarded ==")
        .contains("SAFETY")
        .contains("directory read 1 time, exit 4");
    String awsPart = part(all.out(), "aws", "broken");
    assertThat(awsPart).contains("+ create user alice@example.org").contains("(exit 0)");
    assertThat(part(all.out(), "broken", "guarded")).contains("error:").contains("(exit 4)");
    assertThat(aws.snapshot().users()).hasSize(25);
    assertThat(aws.snapshot().groups()).hasSize(5);
    assertThat(guarded.snapshot().users()).as("nothing deleted past the guard").hasSize(25);
    assertThat(broken.snapshot().users()).isEmpty();

    CliRun again = run("sync", "--target", "aws");
    assertThat(again.exitCode()).as(again.all()).isZero();
    assertThat(again.out()).contains("No changes").doesNotContain("== target");
  }

  @Test
  void theHistoryAndStatusNameEachTarget() throws IOException {
    assertThat(run("sync", "--target", "aws").exitCode()).isZero();
    assertThat(run("sync", "--target", "guarded").exitCode()).isZero();

    CliRun history = run("history");
    assertThat(history.exitCode()).as(history.all()).isZero();
    assertThat(history.out()).contains("[aws]").contains("[guarded]").doesNotContain("[broken]");
    assertThat(history.out().indexOf("[guarded]")).isLessThan(history.out().indexOf("[aws]"));

    CliRun status = run("status", "--output", "json");
    assertThat(status.exitCode()).as(status.all()).isZero();
    JsonNode targets = new ObjectMapper().readTree(status.out()).get("targets");
    assertThat(targets).hasSize(3);
    assertThat(targets.get(0).get("target").asText()).isEqualTo("aws");
    assertThat(targets.get(0).get("managedUsers").asInt()).isEqualTo(25);
    assertThat(targets.get(1).get("target").asText()).isEqualTo("broken");
    assertThat(targets.get(1).get("managedUsers").asInt()).isZero();
    assertThat(targets.get(1).get("lastRun").isNull()).isTrue();

    CliRun one = run("status", "--target", "guarded");
    assertThat(one.out()).contains("Target guarded").doesNotContain("Target aws");
  }

  @Test
  void theJsonReportHasEveryTargetAndTheMostSeriousExitCode() throws IOException {
    broken.faults(FaultSettings.none().withError500BeforeRatio(1.0));
    CliRun all = run("sync", "--output", "json");

    assertThat(all.exitCode()).as(all.all()).isEqualTo(4);
    JsonNode document = new ObjectMapper().readTree(all.out());
    assertThat(document.get("exitCode").asInt()).isEqualTo(4);
    assertThat(document.get("directoryReads").asInt()).isEqualTo(1);
    JsonNode targets = document.get("targets");
    assertThat(targets).hasSize(3);
    assertThat(targets.get(0).get("target").asText()).isEqualTo("aws");
    assertThat(targets.get(0).get("exitCode").asInt()).isZero();
    assertThat(targets.get(0).get("report").get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(targets.get(1).get("exitCode").asInt()).isEqualTo(4);
    assertThat(targets.get(1).get("error").asText()).isNotBlank();
    assertThat(targets.get(2).get("exitCode").asInt()).isZero();
  }

  @Test
  void anUnknownTargetAndASavedPlanOfSeveralOrOfAnotherTargetAreRefused() throws IOException {
    CliRun unknown = run("sync", "--target", "slack");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no target of that name").contains("aws, broken, guarded");

    CliRun plan = run("plan", "--out", dir.resolve("plan.json").toString());
    assertThat(plan.exitCode()).isEqualTo(2);
    assertThat(plan.err()).contains("--target");
    assertThat(dir.resolve("plan.json")).doesNotExist();

    CliRun onePlan = run("plan", "--target", "aws", "--out", dir.resolve("plan.json").toString());
    assertThat(onePlan.exitCode()).as(onePlan.all()).isZero();
    assertThat(Files.readString(dir.resolve("plan.json"))).contains("\"target\" : \"aws\"");
    CliRun elsewhere = run("apply", dir.resolve("plan.json").toString(), "--target", "guarded");
    assertThat(elsewhere.exitCode()).isEqualTo(2);
    assertThat(elsewhere.err())
        .contains("computed for target aws, not guarded")
        .contains("--target aws");
    assertThat(guarded.snapshot().users()).isEmpty();
    CliRun apply = run("apply", dir.resolve("plan.json").toString(), "--target", "aws");
    assertThat(apply.exitCode()).as(apply.all()).isZero();
    assertThat(aws.snapshot().users()).hasSize(25);
    assertThat(guarded.snapshot().users()).isEmpty();
  }

  @Test
  void validateChecksTheDirectoryOnceAndEachTargetByName() {
    broken.faults(FaultSettings.none().withError500BeforeRatio(1.0));
    CliRun offline = run("validate", "--offline");
    assertThat(offline.exitCode()).as(offline.all()).isZero();
    assertThat(offline.out())
        .contains("ok    target aws: rules: 4 user and 0 group mappings compiled")
        .contains("ok    target guarded: rules: 4 user and 0 group mappings compiled");

    CliRun online = run("validate");
    assertThat(online.exitCode()).as(online.all()).isEqualTo(4);
    assertThat(online.out().lines().filter(l -> l.startsWith("ok    source ")).count())
        .isEqualTo(1);
    assertThat(online.out())
        .contains("ok    target aws: mapping: 25 users and 5 groups in scope")
        .contains("ok    target aws: target " + aws.baseUri())
        .contains("FAIL  target broken: target " + broken.baseUri())
        .contains("ok    target guarded: target " + guarded.baseUri());
  }

  /** The text between the headings of two targets. */
  private static String part(String out, String target, String next) {
    int from = out.indexOf("== target " + target + " ==");
    int to = out.indexOf("== target " + next + " ==");
    return out.substring(from, to);
  }
}
