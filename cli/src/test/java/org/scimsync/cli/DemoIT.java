package org.scimsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command: {@code scim-sync demo} needs nothing and ends with exit code 0, and
 * its output is the saved copy in {@code demo-output.txt} (times, port and directory masked), so a
 * change to what a first-time user sees is deliberate.
 */
class DemoIT {

  @TempDir Path dir;

  @Test
  void demoCreatesThenDoesNothingThenFollowsTheChange() {
    CliRun run = CliRun.of("demo", "--dir", dir.toString());

    assertThat(run.exitCode()).as(run.all()).isZero();
    String out = run.out();
    int first = out.indexOf("== 1.");
    int second = out.indexOf("== 2.");
    int third = out.indexOf("== 3.");
    assertThat(first).isPositive().isLessThan(second);
    assertThat(second).isLessThan(third);
    assertThat(out.substring(first, second))
        .contains("+ create user alice@example.org")
        .contains("+ create group aws-engineering (8 members)")
        .contains("photos removed: not supported by the target")
        .contains("emails reduced to 1 value")
        .contains("user zoe@example.org: displayName: 1 character AWS refuses removed")
        .contains("user zoe@example.org: displayName: 1 space character replaced by a plain space")
        .contains("user zoe@example.org: title: 1 character AWS refuses removed")
        .contains("user zoe@example.org: title: 1 space character replaced by a plain space")
        .contains("Plan: 30 to create")
        .doesNotContain("printers");
    assertThat(out.substring(second, third)).contains("No changes");
    assertThat(out.substring(third))
        .contains("+ create user dana@example.org")
        .contains("~ update group aws-software (displayName)")
        .contains("~ members of group aws-software: +1 -0")
        .contains("- delete user mallory@example.org")
        .contains("The target now holds 25 users and 5 groups.");
    assertThat(masked(out, dir))
        .as("the demo's output, times, port and directory masked; when the output changes on")
        .isEqualTo(expectedOutput());
    String token = readToken();
    assertThat(run.all()).doesNotContain(token);
    assertThat(dir.resolve("scim-sync.db")).exists();
  }

  /** The output with what differs between runs masked: durations, the port, the directory. */
  static String masked(String out, Path dir) {
    return out.replaceAll(" in [0-9]+ ms", " in N ms")
        .replaceAll("http://127\\.0\\.0\\.1:[0-9]+", "http://127.0.0.1:PORT")
        .replace(dir.toString(), "DIR");
  }

  private static String expectedOutput() {
    try (var in = DemoIT.class.getResourceAsStream("/demo-output.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | NullPointerException e) {
      throw new AssertionError("cli/src/test/resources/demo-output.txt is missing", e);
    }
  }

  private String readToken() {
    try {
      return Files.readString(dir.resolve("scim-token")).trim();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
