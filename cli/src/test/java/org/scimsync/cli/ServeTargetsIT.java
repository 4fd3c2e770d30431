package org.scimsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.config.ConfigLoader;
import org.scimsync.emulator.FaultSettings;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.service.SyncService;
import org.scimsync.service.Trigger;

/**
 * {@code serve} with two targets as the composition root wires it: a target answering 500s beside
 * one that converges, in the same trigger; the history, the metrics and the readiness name each.
 */
class ServeTargetsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aFailingTargetNeverStopsTheOtherInTheService() throws Exception {
    try (ScimEmulator good = ScimEmulator.builder().token(SyncSetup.TOKEN).build().start();
        ScimEmulator broken =
            ScimEmulator.builder()
                .token(SyncSetup.TOKEN)
                .faults(FaultSettings.none().withError500BeforeRatio(1.0))
                .build()
                .start()) {
      try (InputStream in = getClass().getResourceAsStream("/demo/directory.ldif")) {
        Files.write(dir.resolve("directory.ldif"), in.readAllBytes());
      }
      Path file = dir.resolve("scim-sync.yaml");
      Files.writeString(
          file,
          """
          source:
            type: ldif
            path: directory.ldif
          targets:
            - name: good
              url: %s
              token: ${SCIM_TOKEN}
              maxAttempts: 1
            - name: broken
              url: %s
              token: ${SCIM_TOKEN}
              maxAttempts: 1
          users:
            include: user.mail != null
            map:
              userName: user.mail
              displayName: user.displayName
              name.givenName: user.givenName
              name.familyName: user.sn
          groups:
            include: group.cn =^ 'aws-'
          webhook:
            listen: 127.0.0.1:0
          """
              .formatted(good.baseUri(), broken.baseUri()));
      var config = new ConfigLoader(Map.of("SCIM_TOKEN", SyncSetup.TOKEN)).load(file);
      HttpClient http = HttpClient.newHttpClient();
      try (Application app = Application.open(config);
          SyncService service = app.startService()) {
        URI base = URI.create("http://127.0.0.1:" + service.address().getPort());
        // nothing ever ran: each target catches up at start
        await(WAIT, "the good target converged", () -> good.snapshot().users().size() == 25);
        await(
            WAIT,
            "both targets' runs recorded",
            () -> targetsIn(get(http, base.resolve("/runs")).body()).size() == 2);

        long trigger = service.trigger(Trigger.SCHEDULE).orElseThrow().triggerId();
        await(
            WAIT,
            "the trigger served by both targets",
            () -> {
              String state = service.triggerStatus(trigger).orElseThrow().state().name();
              return !state.equals("PENDING") && !state.equals("RUNNING");
            });
        // the broken target's launch failed (its target answered 500): the trigger says so
        assertThat(service.triggerStatus(trigger).orElseThrow().state().name()).isEqualTo("FAILED");

        String metrics = get(http, base.resolve("/metrics")).body();
        assertThat(metrics)
            .containsPattern(
                "scim_sync_runs_total\\{[^}]*outcome=\"succeeded\"[^}]*target=\"good\"")
            .containsPattern("scim_sync_runs_total\\{[^}]*outcome=\"error\"[^}]*target=\"broken\"")
            .doesNotContainPattern("outcome=\"error\"[^}]*target=\"good\"")
            .contains("scim_sync_managed_objects{kind=\"user\",target=\"good\"} 25.0");
        String runs = get(http, base.resolve("/runs")).body();
        assertThat(runs).contains("\"target\":\"good\"").contains("\"target\":\"broken\"");
        assertThat(broken.snapshot().users()).isEmpty();
      }
    }
  }

  /** Polls {@code done} until it holds, or fails naming {@code what} after {@code wait}. */
  private static void await(Duration wait, String what, Check done) throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!done.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + wait + ": " + what);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  @FunctionalInterface
  private interface Check {
    boolean holds() throws Exception;
  }

  private static Set<String> targetsIn(String runs) throws Exception {
    Set<String> targets = new HashSet<>();
    for (JsonNode run : new ObjectMapper().readTree(runs)) {
      targets.add(run.get("target").asText());
    }
    return targets;
  }

  private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
