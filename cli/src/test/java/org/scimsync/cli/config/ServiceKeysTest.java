package org.scimsync.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.service.ServiceSettings;

/**
 * The {@code schedule} and {@code webhook} sections bind to the service's own records, and every
 * setting of service mode has a key.
 */
class ServiceKeysTest {

  private static final String BASE =
      """
      source:
        type: ldif
        path: d.ldif
      target:
        url: https://scim.example.com/scim/v2
        token: ${SCIM_TOKEN}
      """;

  @TempDir Path dir;

  private final ConfigLoader loader = new ConfigLoader(Map.of("SCIM_TOKEN", "tok"));

  private ScimSyncConfig load(String sections) throws IOException {
    Path file = dir.resolve("scim-sync.yaml");
    Files.writeString(file, BASE + sections);
    return loader.load(file);
  }

  @Test
  void everyServiceSettingHasAKey() throws IOException {
    ScimSyncConfig config =
        load(
            """
            schedule:
              cron: "0 */5 * * * ?"
              fullEvery: 2h
              catchUpOnStart: false
              shutdownGrace: 45s
            webhook:
              listen: 127.0.0.1:0
              debounce: 2s
            """);

    ServiceSettings settings = ServiceSettings.of(config.schedule(), config.webhook());

    assertThat(settings.cron()).isEqualTo("0 */5 * * * ?");
    assertThat(settings.fullEvery()).isEqualTo(Duration.ofHours(2));
    assertThat(settings.catchUpOnStart()).isFalse();
    assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(45));
    assertThat(settings.debounce()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.listen().getPort()).isZero();
  }

  @Test
  void withoutTheSectionsTheServiceDefaultsApply() throws IOException {
    ServiceSettings settings = ServiceSettings.of(load("").schedule(), load("").webhook());

    assertThat(settings.catchUpOnStart()).isTrue();
    assertThat(settings.shutdownGrace()).isEqualTo(ServiceSettings.DEFAULT_SHUTDOWN_GRACE);
    assertThat(settings.debounce()).isEqualTo(ServiceSettings.DEFAULT_DEBOUNCE);
    assertThat(settings.listen().getPort()).isEqualTo(8088);
  }

  @Test
  void badValuesNameTheirKey() {
    ConfigException grace = failure("schedule:\n  shutdownGrace: -5s\n");
    assertThat(grace.key()).isEqualTo("schedule.shutdownGrace");
    ConfigException full = failure("schedule:\n  fullEvery: 0s\n");
    assertThat(full.key()).isEqualTo("schedule.fullEvery");
  }

  @Test
  void watchIsForLdapSourcesOnly() throws IOException {
    ConfigException ldif = failure("schedule:\n  watch: true\n");
    assertThat(ldif.key()).isEqualTo("schedule.watch");
    assertThat(ldif.getMessage()).contains("only an ldap source can be watched");

    Path file = dir.resolve("ldap.yaml");
    Files.writeString(
        file,
        """
        source:
          type: ldap
          ldap:
            url: ldap://127.0.0.1:389
            userBase: ou=People,dc=example,dc=com
        target:
          url: https://scim.example.com/scim/v2
          token: ${SCIM_TOKEN}
        schedule:
          watch: true
          watchPollInterval: 2s
        """);
    ScimSyncConfig config = loader.load(file);

    assertThat(config.schedule().watch()).isTrue();
    assertThat(config.schedule().watchPollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(load("").schedule().watch()).isFalse();
  }

  private ConfigException failure(String sections) {
    try {
      load(sections);
    } catch (ConfigException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("loaded");
  }
}
