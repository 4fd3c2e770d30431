package org.scimsync.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.common.Secret;
import org.scimsync.state.postgres.PostgresConnection;

/** The {@code state} section: a SQLite file, or a PostgreSQL database with a secret password. */
class StateKeysTest {

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

  private final ConfigLoader loader =
      new ConfigLoader(Map.of("SCIM_TOKEN", "tok", "DB_PASSWORD", "db-Pa55-word"));

  private ScimSyncConfig load(String sections) throws IOException {
    Path file = dir.resolve("scim-sync.yaml");
    Files.writeString(file, BASE + sections);
    return loader.load(file);
  }

  @Test
  void aUrlChoosesPostgresqlWithItsUserAndSecretPassword() throws IOException {
    ScimSyncConfig config =
        load(
            """
            state:
              url: jdbc:postgresql://db.example.com:5432/scimsync
              user: scimsync
              password: ${DB_PASSWORD}
            """);

    assertThat(config.stateDatabase())
        .isEqualTo(
            new PostgresConnection(
                "jdbc:postgresql://db.example.com:5432/scimsync",
                "scimsync",
                Secret.of("db-Pa55-word")));
    assertThat(config.stateLocation()).isEqualTo("jdbc:postgresql://db.example.com:5432/scimsync");
    assertThat(config.stateDatabase().toString()).doesNotContain("db-Pa55-word");
  }

  @Test
  void withoutAUrlTheStateIsTheSqliteFile() throws IOException {
    ScimSyncConfig config = load("state:\n  path: data/state.db\n");

    assertThat(config.stateDatabase()).isNull();
    assertThat(config.stateLocation()).isEqualTo(dir.resolve("data/state.db").toString());
    assertThat(load("").stateDatabase()).isNull();
  }

  @Test
  void badStateKeysNameTheKeyAndNeverShowThePassword() {
    ConfigException both =
        failure("state:\n  path: state.db\n  url: jdbc:postgresql://db/scimsync\n");
    assertThat(both.key()).isEqualTo("state.url");
    assertThat(both.problem()).contains("not both");

    ConfigException other = failure("state:\n  url: jdbc:mysql://db/scimsync\n");
    assertThat(other.key()).isEqualTo("state.url");
    assertThat(other.problem()).contains("not a PostgreSQL URL");

    ConfigException inUrl =
        failure("state:\n  url: jdbc:postgresql://db/scimsync?user=a&password=db-Pa55-word\n");
    assertThat(inUrl.key()).isEqualTo("state.url");
    assertThat(inUrl.problem()).contains("state.password").doesNotContain("db-Pa55-word");

    ConfigException userWithoutUrl = failure("state:\n  user: scimsync\n");
    assertThat(userWithoutUrl.key()).isEqualTo("state.user");

    ConfigException passwordWithoutUrl = failure("state:\n  password: ${DB_PASSWORD}\n");
    assertThat(passwordWithoutUrl.key()).isEqualTo("state.password");
    assertThat(passwordWithoutUrl.getMessage()).doesNotContain("db-Pa55-word");
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
