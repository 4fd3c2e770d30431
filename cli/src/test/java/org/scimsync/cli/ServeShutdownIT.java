package org.scimsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.emulator.ScimEmulator;

/**
 * {@code scim-sync serve} in its own process, stopped the way systemd, Kubernetes and Docker stop
 * it: SIGTERM gives a clean stop with exit code 0 and a recorded run.
 */
class ServeShutdownIT {

  @TempDir Path dir;

  @Test
  void sigtermStopsTheServiceWithExitCodeZero() throws Exception {
    try (ScimEmulator emulator = ScimEmulator.builder().token(SyncSetup.TOKEN).build().start()) {
      SyncSetup setup = new SyncSetup(emulator, dir);
      Files.writeString(
          setup.config,
          "state:\n  path: state.db\nwebhook:\n  listen: 127.0.0.1:0\n",
          StandardOpenOption.APPEND);
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      ProcessBuilder builder =
          new ProcessBuilder(
                  java.toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "serve",
                  "--config",
                  setup.config.toString())
              .redirectErrorStream(true);
      builder.environment().put("SCIM_TOKEN", SyncSetup.TOKEN);
      Process process = builder.start();
      try {
        CompletableFuture<String> listening = firstLineContaining(process, "listening on");
        assertThat(listening.get(60, TimeUnit.SECONDS)).contains("127.0.0.1");
        // the service catches up at start: wait until that run has provisioned someone
        awaitUsers(emulator);

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
        assertThat(process.exitValue()).isEqualTo(0);
      } finally {
        process.destroyForcibly();
      }
    }
  }

  /**
   * Reads the child's output on a daemon thread until it ends (so the child never blocks on a full
   * pipe) and completes with the first line containing {@code text}.
   */
  private static CompletableFuture<String> firstLineContaining(Process process, String text) {
    CompletableFuture<String> found = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  if (line.contains(text)) {
                    found.complete(line);
                  }
                }
                found.completeExceptionally(
                    new IllegalStateException("process ended before printing '" + text + "'"));
              } catch (IOException e) {
                found.completeExceptionally(e);
              }
            },
            "serve-output");
    reader.setDaemon(true);
    reader.start();
    return found;
  }

  private static void awaitUsers(ScimEmulator emulator) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (emulator.snapshot().users().isEmpty() && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    assertThat(emulator.snapshot().users())
        .as("users provisioned by the start-up run")
        .isNotEmpty();
  }
}
