package org.scimsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.client.RateLimits;
import org.scimsync.client.ScimClient;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetProfile;
import org.scimsync.common.Secret;
import org.scimsync.emulator.EmulatorProfile;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.target.scim.ScimClientTarget;
import org.scimsync.engine.testing.ListDirectorySource;
import org.scimsync.engine.testing.SimpleMapper;
import org.scimsync.state.sqlite.SqliteStateStore;

/** The sync through a front that refuses chunked bodies (411), as strict gateways do. */
class StrictFrontIT {

  private static final String TOKEN = "front-it-token";

  @TempDir Path dir;

  @Test
  void theFrontRefusesAChunkedBodyAndTheSyncThroughItConverges() throws Exception {
    try (ScimEmulator emulator =
            ScimEmulator.builder()
                .profile(EmulatorProfile.RFC7644)
                .port(0)
                .token(TOKEN)
                .build()
                .start();
        StrictFront front = StrictFront.before(emulator.baseUri().resolve("/"));
        ScimClient client =
            ScimClient.create(
                ScimClientConfig.builder(
                        front.front(emulator.baseUri()), Secret.of(TOKEN), TargetProfile.GENERIC)
                    .rateLimits(new RateLimits(0, 0))
                    .build());
        SqliteStateStore store = SqliteStateStore.open(dir.resolve("state.db"))) {
      HttpURLConnection chunked =
          (HttpURLConnection)
              URI.create(front.front(emulator.baseUri()) + "/Users").toURL().openConnection();
      chunked.setRequestMethod("POST");
      chunked.setDoOutput(true);
      chunked.setChunkedStreamingMode(16);
      chunked.setRequestProperty("Content-Type", "application/scim+json");
      try (OutputStream out = chunked.getOutputStream()) {
        out.write("{\"userName\":\"chunked@example.org\"}".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(chunked.getResponseCode()).isEqualTo(411);
      assertThat(front.refused()).isEqualTo(1);

      ListDirectorySource source = new ListDirectorySource();
      source.user("k1", "ann@example.org", "Ann", "A").user("k2", "bob@example.org", "Bob", "B");
      source.group("g1", "front-team", List.of("k1", "k2"));
      SyncPolicy policy = SyncPolicy.defaults();
      SyncEngine engine =
          new SyncEngine(
              source,
              new SimpleMapper(),
              new ScimClientTarget(client),
              store,
              policy,
              Clock.systemUTC());

      RunReport first = engine.run(SyncOptions.of("it").withFull(true));
      RunReport second = engine.run(SyncOptions.of("it").withFull(true));

      assertThat(first.status()).as(first.toText()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(second.plan().changes()).isEmpty();
      assertThat(emulator.snapshot().groupByDisplayName("front-team").orElseThrow().memberIds())
          .hasSize(2);
      assertThat(front.refused()).as("only the chunked request above").isEqualTo(1);
      assertThat(front.passed()).isPositive();
    }
  }
}
