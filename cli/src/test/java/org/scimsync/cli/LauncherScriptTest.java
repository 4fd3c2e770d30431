package org.scimsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code bin/scim-sync} of the distribution, run with a stand-in {@code java} that
 * prints the arguments it was given: one-shot commands get the C1-only JIT, the long-running
 * commands (service, emulator) do not, and {@code JAVA_OPTS} comes after so that it can override.
 */
class LauncherScriptTest {

  private static final Path LAUNCHER = Path.of("src", "main", "dist", "bin", "scim-sync");

  @TempDir Path javaHome;

  @Test
  void oneShotCommandsRunWithTheC1CompilerOnly() throws Exception {
    List<String> args = launch(null, "sync", "--config", "serve");

    assertThat(args).startsWith("-XX:TieredStopAtLevel=1", "-cp");
    assertThat(args).endsWith("org.scimsync.cli.Main", "sync", "--config", "serve");
  }

  @Test
  void theLongRunningCommandsKeepFullTieredCompilation() throws Exception {
    List<String> serve = launch(null, "serve", "--config", "x.yaml");
    List<String> emulator = launch(null, "emulator", "--port", "8080");

    assertThat(serve).doesNotContain("-XX:TieredStopAtLevel=1");
    assertThat(serve).endsWith("org.scimsync.cli.Main", "serve", "--config", "x.yaml");
    assertThat(emulator).doesNotContain("-XX:TieredStopAtLevel=1");
    assertThat(emulator).endsWith("org.scimsync.cli.Main", "emulator", "--port", "8080");
  }

  @Test
  void javaOptsComeAfterTheDefaultSoTheyCanOverrideIt() throws Exception {
    List<String> args = launch("-Xmx512m -XX:TieredStopAtLevel=4", "plan");

    assertThat(args)
        .startsWith("-XX:TieredStopAtLevel=1", "-Xmx512m", "-XX:TieredStopAtLevel=4", "-cp");
  }

  private List<String> launch(@Nullable String javaOpts, String... command)
      throws IOException, InterruptedException {
    Path java = javaHome.resolve("bin").resolve("java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    List<String> line = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
    line.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().remove("JAVA_OPTS");
    if (javaOpts != null) {
      builder.environment().put("JAVA_OPTS", javaOpts);
    }
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    List<String> args = new ArrayList<>(out.lines().toList());
    // the class path names this checkout's lib directory; only its position matters here
    int cp = args.indexOf("-cp");
    assertThat(cp).isNotNegative();
    args.remove(cp + 1);
    return args;
  }
}
