package org.scimsync.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.service.ui.UiConfig;

/** The {@code ui:} section: off unless present, each way in, and the loopback-or-TLS rule. */
class UiKeysTest {

  private static final String BASE =
      """
      source:
        type: ldif
        path: d.ldif
      target:
        url: https://scim.example.com/scim/v2
        token: ${SCIM_TOKEN}
      """;
  private static final String HASH = "$2y$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

  @TempDir Path dir;

  private ScimSyncConfig load(String sections) throws IOException {
    Path file = dir.resolve("scim-sync.yaml");
    Files.writeString(file, BASE + sections);
    Files.writeString(dir.resolve("ui-password.hash"), HASH + "\n");
    return new ConfigLoader(Map.of("SCIM_TOKEN", "tok", "UI_TOKEN", "a-token-for-scripts"))
        .load(file);
  }

  private ConfigException failure(String sections) {
    return catchThrowableOfType(ConfigException.class, () -> load(sections));
  }

  @Test
  void theStatusPageIsOffWithoutTheSection() throws IOException {
    assertThat(load("").ui()).isNull();
  }

  @Test
  void theExampleSectionLoads() throws IOException {
    UiConfig ui =
        load("""
                ui:
                  user: admin
                  passwordHash: ${file:ui-password.hash}
                  token: ${UI_TOKEN}
                """)
            .ui();
    assertThat(ui).isNotNull();
    assertThat(ui.user()).isEqualTo("admin");
    assertThat(ui.passwordHash().reveal()).isEqualTo(HASH);
    assertThat(ui.token().reveal()).isEqualTo("a-token-for-scripts");
    assertThat(ui.tls()).isNull();
  }

  @Test
  void beyondLoopbackWithoutTlsNamesTheKey() {
    ConfigException error =
        failure(
            """
            webhook:
              listen: 0.0.0.0:8088
            ui:
              user: admin
              passwordHash: ${file:ui-password.hash}
            """);
    assertThat(error.key()).isEqualTo("ui.tls");
    assertThat(error.line()).isEqualTo(9);
    assertThat(error.problem()).contains("beyond loopback").contains("ui.tls");
  }

  @Test
  void tlsLetsThePageListenBeyondLoopback() throws IOException {
    Files.writeString(dir.resolve("ui.p12"), "");
    UiConfig ui =
        load("""
                webhook:
                  listen: 0.0.0.0:8088
                ui:
                  token: ${UI_TOKEN}
                  tls:
                    keyStore: ui.p12
                    keyStorePassword: ${UI_TOKEN}
                """)
            .ui();
    assertThat(ui.tls().keyStore()).isEqualTo(dir.resolve("ui.p12"));
  }

  @Test
  void badValuesNameTheirKeyAndNeverShowTheValue() {
    ConfigException hash = failure("ui:\n  user: admin\n  passwordHash: hunter2-not-a-hash\n");
    assertThat(hash.key()).isEqualTo("ui.passwordHash");
    assertThat(hash.getMessage()).doesNotContain("hunter2");
    ConfigException none = failure("ui:\n  user: admin\n");
    assertThat(none.key()).isEqualTo("ui.passwordHash");
    ConfigException unknown = failure("ui:\n  token: ${UI_TOKEN}\n  usr: admin\n");
    assertThat(unknown.problem()).contains("did you mean 'user'");
  }
}
