package org.scimsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.engine.testing.Eventually;

/** The shell client in deploy/webhook (openssl + curl) against the service on loopback. */
class NotifyScriptIT {

  private ServiceFixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static void assumeInstalled(String tool) {
    boolean found =
        List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    assumeTrue(found, tool + " is not installed; the shell client cannot be run");
  }

  private record Outcome(int exitCode, String output) {}

  private Outcome notify(Path secretFile, String... keys) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("sh");
    command.add(DeployFiles.file("webhook/notify-scim-sync.sh").toString());
    command.addAll(List.of(keys));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SCIM_SYNC_URL", fixture.uri("/hooks/directory-changed").toString());
    builder.environment().put("SCIM_SYNC_SECRET_FILE", secretFile.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Outcome(process.exitValue(), output);
  }

  @Test
  void theDocumentedShellClientIsAcceptedAndItsKeysReachTheRun(@TempDir Path dir) throws Exception {
    assumeInstalled("openssl");
    assumeInstalled("curl");
    fixture = ServiceFixture.webhookOnly(new RecordingLauncher(), Duration.ZERO);
    Path secret = Files.writeString(dir.resolve("webhook-secret"), ServiceFixture.SECRET + "\n");

    Outcome outcome = notify(secret, "uuid-1", "uuid-2");

    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    assertThat(outcome.output()).contains("\"triggerId\":1");
    Eventually.await(Duration.ofSeconds(15), "run", () -> fixture.launcher.finished() == 1);
    assertThat(fixture.launcher.requests().get(0).userKeys())
        .containsExactlyInAnyOrder("uuid-1", "uuid-2");
  }

  @Test
  void theShellClientFailsWithAWrongSecret(@TempDir Path dir) throws Exception {
    assumeInstalled("openssl");
    assumeInstalled("curl");
    fixture = ServiceFixture.webhookOnly(new RecordingLauncher(), Duration.ZERO);
    Path secret = Files.writeString(dir.resolve("webhook-secret"), "some other secret value\n");

    Outcome outcome = notify(secret);

    assertThat(outcome.exitCode()).isEqualTo(22);
    assertThat(outcome.output()).contains("401");
    assertThat(fixture.service.triggerStatus(1)).isEmpty();
  }
}
