package org.scimsync.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.cli.app.internal.Ports;

/**
 * {@code target.maxConcurrency}: the cap on requests in flight, checked and handed to the client.
 */
class MaxConcurrencyKeyTest {

  private static final String CONFIG =
      """
      source:
        type: ldif
        path: d.ldif
      target:
        url: https://scim.example.com/scim/v2
        token: ${SCIM_TOKEN}
      """;

  @TempDir Path dir;

  private final ConfigLoader loader = new ConfigLoader(Map.of("SCIM_TOKEN", "tok-s3cr3t"));

  private ScimSyncConfig load(String extra) throws IOException {
    Path file = dir.resolve("scim-sync.yaml");
    Files.writeString(file, CONFIG + extra);
    return loader.load(file);
  }

  @Test
  void defaultsTo64AndReachesTheClient() throws IOException {
    ScimSyncConfig config = load("");

    assertThat(config.target().maxConcurrency()).isEqualTo(64);
    assertThat(Ports.client(config.target(), null, Map.of()).maxConcurrency()).isEqualTo(64);
  }

  @Test
  void aConfiguredCapReachesTheClient() throws IOException {
    ScimSyncConfig config = load("  maxConcurrency: 20\n");

    assertThat(Ports.client(config.target(), null, Map.of()).maxConcurrency()).isEqualTo(20);
  }

  @Test
  void aCapBelowOneOrAboveTheLimitIsNamed() {
    assertThatThrownBy(() -> load("  maxConcurrency: 0\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("maxConcurrency")
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> load("  maxConcurrency: 5000\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("maxConcurrency")
        .hasMessageContaining("at most 512");
  }
}
