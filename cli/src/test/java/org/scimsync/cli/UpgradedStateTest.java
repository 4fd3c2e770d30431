package org.scimsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state file written before targets had names (schema 8, the fixture of state-store's upgrade
 * test), used by the commands: with the single {@code target:} configuration as before, and as the
 * state of the target named {@code default} in a {@code targets:} configuration.
 */
class UpgradedStateTest {

  private static final Path FIXTURE =
      Path.of("..", "state-store", "src", "test", "resources", "upgrade", "state-v8.db");

  @TempDir Path dir;

  private Path config;

  @BeforeEach
  void copyTheOldStateFile() throws IOException {
    assertThat(FIXTURE).as("the schema-8 fixture, from the cli module's directory").exists();
    Files.copy(FIXTURE, dir.resolve("scim-sync.db"));
    Files.writeString(dir.resolve("d.ldif"), "");
    config = dir.resolve("scim-sync.yaml");
  }

  private CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return CliRun.of(Map.of("TOKEN", "tok-s3cr3t"), all);
  }

  @Test
  void theSingleTargetConfigurationReadsTheOldStateAsBefore() throws IOException {
    Files.writeString(
        config,
        """
        source: {type: ldif, path: d.ldif}
        target: {url: "https://scim.example.com/scim/v2", token: "${TOKEN}"}
        """);

    CliRun status = run("status", "--output", "json");
    assertThat(status.exitCode()).as(status.all()).isZero();
    JsonNode document = new ObjectMapper().readTree(status.out());
    assertThat(document.get("managedUsers").asInt()).isEqualTo(3);
    assertThat(document.get("disabledUsers").asInt()).isEqualTo(1);
    assertThat(document.get("managedGroups").asInt()).isEqualTo(2);
    assertThat(document.get("memberships").asInt()).isEqualTo(4);
    assertThat(document.has("targets")).isFalse();

    CliRun history = run("history");
    assertThat(history.out()).contains("run 3 ").contains("run 2 ").contains("run 1 ");
    assertThat(history.out()).doesNotContain("[default]");
  }

  @Test
  void inATargetsConfigurationItIsTheStateOfTheTargetNamedDefault() throws IOException {
    Files.writeString(
        config,
        """
        source: {type: ldif, path: d.ldif}
        targets:
          - {name: default, url: "https://scim.example.com/scim/v2", token: "${TOKEN}"}
          - {name: slack, url: "https://slack.example.com/scim/v2", token: "${TOKEN}"}
        """);

    CliRun status = run("status", "--output", "json");
    assertThat(status.exitCode()).as(status.all()).isZero();
    JsonNode targets = new ObjectMapper().readTree(status.out()).get("targets");
    assertThat(targets.get(0).get("target").asText()).isEqualTo("default");
    assertThat(targets.get(0).get("managedUsers").asInt()).isEqualTo(3);
    assertThat(targets.get(1).get("target").asText()).isEqualTo("slack");
    assertThat(targets.get(1).get("managedUsers").asInt()).isZero();

    CliRun run = run("history", "--run", "1");
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("run 1 ");
  }
}
