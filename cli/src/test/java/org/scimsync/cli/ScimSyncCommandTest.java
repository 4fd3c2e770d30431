package org.scimsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScimSyncCommandTest {

  @TempDir Path dir;

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "sync",
            "plan",
            "apply",
            "status",
            "history",
            "validate",
            "serve",
            "demo",
            "emulator",
            "generate-completion",
            "--config",
            "--log-format",
            "Exit codes:",
            "3   stopped by a safety guard");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sync",
        "plan",
        "apply",
        "status",
        "history",
        "validate",
        "serve",
        "demo",
        "emulator"
      })
  void everyCommandHasHelpAndTheGlobalOptions(String command) {
    CliRun run = CliRun.of(command, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: scim-sync " + command)
        .contains("--config")
        .contains("--version");
  }

  @Test
  void syncHasItsDocumentedOptions() {
    assertThat(CliRun.of("sync", "--help").out())
        .contains("--dry-run", "--full", "--allow-deletes", "--verify-members", "--output");
    assertThat(CliRun.of("plan", "--help").out()).contains("--out=FILE");
    assertThat(CliRun.of("history", "--help").out()).contains("--run=N");
  }

  @Test
  void versionIsPrinted() {
    CliRun run = CliRun.of("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("scim-sync ");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(CliRun.of().exitCode()).isEqualTo(2);
    assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
    CliRun badOption = CliRun.of("sync", "--no-such-option");
    assertThat(badOption.exitCode()).isEqualTo(2);
    assertThat(badOption.err()).contains("--no-such-option");
    CliRun badFormat = CliRun.of("sync", "--output", "yaml");
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.err()).contains("text, json");
    assertThat(CliRun.of("apply").exitCode()).isEqualTo(2);
  }

  @Test
  void missingConfigurationExitsWithTwoNamingTheFile() {
    Path missing = dir.resolve("absent.yaml");
    CliRun run = CliRun.of("validate", "--config", missing.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(missing.toString()).contains("not found");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void configOptionWorksBeforeAndAfterTheCommand() throws IOException {
    Path config = writeConfig("token: ${SCIM_TOKEN}");
    Map<String, String> env = Map.of("SCIM_TOKEN", "tok-s3cr3t");
    CliRun after = CliRun.of(env, "validate", "--offline", "--config", config.toString());
    CliRun before = CliRun.of(env, "--config", config.toString(), "validate", "--offline");
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(before.exitCode()).as(before.err()).isZero();
    assertThat(after.out()).contains(config.toString()).contains("ok");
    assertThat(after.all() + before.all()).doesNotContain("s3cr3t");
  }

  @Test
  void invalidConfigurationsExitWithTwoNamingTheCulprit() throws IOException {
    Path unknownKey = writeConfig("token: x\n  timeoutSecs: 3");
    CliRun run = CliRun.of("validate", "--offline", "-c", unknownKey.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(unknownKey + ":7: target.timeoutSecs: unknown key 'timeoutSecs'")
        .contains("did you mean 'timeoutSeconds'?");

    Path unset = writeConfig("token: ${UNSET_TOKEN}");
    CliRun unsetRun = CliRun.of("validate", "-c", unset.toString());
    assertThat(unsetRun.exitCode()).isEqualTo(2);
    assertThat(unsetRun.err())
        .contains(":6: target.token: environment variable UNSET_TOKEN is not set");
  }

  @Test
  void completionScriptIsGenerated() {
    CliRun run = CliRun.of("generate-completion");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("complete -F").contains("scim-sync");
  }

  private Path writeConfig(String tokenLine) throws IOException {
    Path file = dir.resolve("scim-sync.yaml");
    Files.writeString(
        file,
        "source:\n  type: ldif\n  path: directory.ldif\ntarget:\n  url: https://scim.example.com/v2\n  "
            + tokenLine
            + "\n");
    return file;
  }
}
