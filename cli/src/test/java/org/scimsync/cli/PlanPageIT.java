package org.scimsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.emulator.ScimEmulator;

/** {@code plan --format html} and {@code plan --out plan.html}: the change list as a page. */
class PlanPageIT {

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
  void setUp() throws IOException {
    emulator.reset();
    setup = new SyncSetup(emulator, dir);
  }

  @Test
  void formatHtmlPrintsAStandalonePageOfTheChanges() {
    CliRun plan = setup.run("plan", "--format", "html");

    assertThat(plan.exitCode()).as(plan.all()).isZero();
    assertThat(plan.out())
        .startsWith("<!DOCTYPE html>")
        .contains("<style>")
        .doesNotContain("<link")
        .doesNotContain("<script")
        .contains("<td>create</td><td>user alice@example.org</td>")
        .contains("30 to create")
        .doesNotContain(SyncSetup.TOKEN);
    assertThat(emulator.snapshot().users()).isEmpty();
  }

  @Test
  void anOutFileNamedHtmlIsThePageAndTheGuardsVerdictIsOnIt() throws IOException {
    assertThat(setup.run("sync").exitCode()).isZero();
    String ldif = Files.readString(dir.resolve("directory.ldif"), StandardCharsets.UTF_8);
    // Four users leave: more deletes than deprovision.maxDeletes (3) allows.
    StringBuilder kept = new StringBuilder();
    int left = 0;
    for (String entry : ldif.split("\n\n")) {
      if (entry.startsWith("dn: uid=") && left < 4) {
        left++;
      } else {
        kept.append(entry).append("\n\n");
      }
    }
    Files.writeString(dir.resolve("directory.ldif"), kept.toString(), StandardCharsets.UTF_8);
    Path page = dir.resolve("plan.html");

    CliRun plan = setup.run("plan", "--out", page.toString());

    assertThat(plan.exitCode()).as(plan.all()).isEqualTo(3);
    assertThat(plan.out()).contains("Plan page written to " + page);
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("id=\"safety\"")
        .contains("<td>delete</td>")
        .contains("class=\"destructive\"")
        .doesNotContain(SyncSetup.TOKEN);
  }
}
