package org.scimsync.state.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.engine.state.RunStart;
import org.scimsync.state.postgres.servers.PostgresServer;
import org.scimsync.state.sql.Dialect;
import org.scimsync.state.sql.SqlStateStore;
import org.scimsync.state.sql.StateStoreFixture;
import org.scimsync.state.sql.StateV8;

/**
 * A PostgreSQL schema at version 8, holding the rows of the SQLite state file written by scim-sync
 * 9cf8a8c, is the state of target default at version 9.
 */
class PostgresUpgradeFromV8IT {

  @TempDir Path dir;

  @Test
  void everythingADatabaseOfSchemaEightHeldIsTheStateOfTheDefaultTarget() throws Exception {
    PostgresServer server = PostgresServer.get();
    String schema = server.newSchema();
    Flyway.configure()
        .dataSource(server.url(schema), PostgresServer.USER, PostgresServer.PASSWORD)
        .locations(Dialect.POSTGRESQL.migrations())
        .target("8")
        .load()
        .migrate();
    Path file = StateV8.copyTo(dir);
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
        Connection postgres = server.connect(schema)) {
      StateV8.copyRows(sqlite, postgres);
    }

    try (PostgresStateStore store = PostgresStateStore.open(server.connection(schema))) {
      StateV8.assertHeldBy(store);
      SqlStateStore slack = store.forTarget("slack");
      StateV8.assertNoneHeldBy(slack);
      assertThat(store.targetsWithState()).containsExactly("default");
      assertThat(slack.beginRun(new RunStart("cli", true, false, Instant.now()))).isEqualTo(4);
    }
    try (Connection after = server.connect(schema)) {
      assertThat(
              StateStoreFixture.query(
                  after, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
          .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
      assertThat(
              StateStoreFixture.query(
                  after,
                  "SELECT count(*) FROM information_schema.columns WHERE table_schema ="
                      + " current_schema() AND column_name = 'target' AND column_default IS NOT"
                      + " NULL"))
          .as("no target column falls back to a default")
          .containsExactly("0");
    }
  }
}
