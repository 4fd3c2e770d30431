package org.scimsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.config.ConfigLoader;
import org.scimsync.emulator.FaultSettings;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.service.SyncService;
import org.scimsync.service.WebhookSignature;

/** Service mode as wired by the composition root: endpoints answer, a signed webhook syncs. */
class ServeIT {

  private static final String HOOK_SECRET = "hook-s3cr3t-0123456789";

  @TempDir Path dir;

  @Test
  void signedWebhookTriggersASyncAndHealthAnswers() throws Exception {
    try (ScimEmulator emulator = ScimEmulator.builder().token(SyncSetup.TOKEN).build().start()) {
      SyncSetup setup = new SyncSetup(emulator, dir);
      Files.writeString(
          setup.config,
          "webhook:\n  listen: 127.0.0.1:0\n  secret: " + HOOK_SECRET + "\n",
          StandardOpenOption.APPEND);
      var config = new ConfigLoader(Map.of("SCIM_TOKEN", SyncSetup.TOKEN)).load(setup.config);
      HttpClient http = HttpClient.newHttpClient();
      try (Application app = Application.open(config);
          SyncService service = app.startService()) {
        URI base = URI.create("http://127.0.0.1:" + service.address().getPort());
        assertThat(get(http, base.resolve("/healthz")).statusCode()).isEqualTo(200);
        // nothing ever ran: the service catches up at start
        awaitUser(emulator, "alice@example.org");
        setup.useDirectory("directory-next.ldif");

        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        HttpRequest unsigned =
            HttpRequest.newBuilder(base.resolve("/hooks/directory-changed"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        assertThat(http.send(unsigned, HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(401);
        HttpRequest signed =
            HttpRequest.newBuilder(base.resolve("/hooks/directory-changed"))
                .header("X-Scim-Sync-Timestamp", Long.toString(now))
                .header(
                    "X-Scim-Sync-Signature",
                    WebhookSignature.sign(HOOK_SECRET.getBytes(StandardCharsets.UTF_8), now, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        assertThat(http.send(signed, HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(202);

        awaitUser(emulator, "dana@example.org");
        assertThat(get(http, base.resolve("/runs")).body()).contains("webhook");
      }
    }
  }

  @Test
  void metricsCountThrottledAnswersAndManagedObjects() throws Exception {
    FaultSettings slowWrites = FaultSettings.none().withWritesPerSecond(1);
    try (ScimEmulator emulator =
        ScimEmulator.builder().token(SyncSetup.TOKEN).faults(slowWrites).build().start()) {
      SyncSetup setup = new SyncSetup(emulator, dir);
      // the client may send faster than the emulator accepts, and does not retry: 429s reach it
      String yaml =
          Files.readString(setup.config)
              .replace(
                  "  maxAttempts: 1\n",
                  "  maxAttempts: 1\n  rateLimit:\n    writesPerSecond: 1000\n");
      Files.writeString(setup.config, yaml + "webhook:\n  listen: 127.0.0.1:0\n");
      var config = new ConfigLoader(Map.of("SCIM_TOKEN", SyncSetup.TOKEN)).load(setup.config);
      HttpClient http = HttpClient.newHttpClient();
      try (Application app = Application.open(config);
          SyncService service = app.startService()) {
        URI metrics = URI.create("http://127.0.0.1:" + service.address().getPort() + "/metrics");
        String text = awaitMetric(http, metrics, "scim_sync_runs_total{");

        assertThat(metricValue(text, "scim_sync_target_throttled_total{target=\"default\"}"))
            .isGreaterThan(0);
        int users = emulator.snapshot().users().size();
        assertThat(users).isGreaterThan(0);
        assertThat(metricValue(text, "scim_sync_managed_objects{kind=\"user\",target=\"default\"}"))
            .isEqualTo(users);
      }
    }
  }

  private static String awaitMetric(HttpClient http, URI uri, String name) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String text = get(http, uri).body();
    while (!text.contains(name) && Instant.now().isBefore(deadline)) {
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      text = get(http, uri).body();
    }
    assertThat(text).contains(name);
    return text;
  }

  private static double metricValue(String text, String series) {
    return text.lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " missing from:\n" + text));
  }

  private static void awaitUser(ScimEmulator emulator, String userName) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!hasUser(emulator, userName) && Instant.now().isBefore(deadline)) {
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    assertThat(hasUser(emulator, userName)).as(userName + " provisioned").isTrue();
  }

  private static boolean hasUser(ScimEmulator emulator, String userName) {
    return emulator.snapshot().users().stream().anyMatch(u -> u.userName().equals(userName));
  }

  private static HttpResponse<String> get(HttpClient http, URI uri)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
