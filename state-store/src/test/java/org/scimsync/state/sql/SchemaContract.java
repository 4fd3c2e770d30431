package org.scimsync.state.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.StateStoreException;
import org.slf4j.LoggerFactory;

/** The schema: migrated once, by version; foreign and newer databases are refused. */
public interface SchemaContract extends StateStoreFixture {

  @Test
  default void reopeningAnExistingDatabaseDoesNotMigrateAgain() throws Exception {
    reopen().close();
    reopen().close();
    store().saveLink(StateStoreFixture.user("alice", "t-1"));

    try (Connection connection = connect()) {
      assertThat(
              StateStoreFixture.query(
                  connection,
                  "SELECT version FROM flyway_schema_history WHERE success"
                      + " ORDER BY installed_rank"))
          .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
      assertThat(
              StateStoreFixture.query(
                  connection, "SELECT value FROM store_meta WHERE name = 'application'"))
          .containsExactly("scim-sync");
      assertThat(StateStoreFixture.query(connection, "SELECT count(*) FROM link"))
          .containsExactly("1");
    }
  }

  @Test
  default void refusesAnotherApplicationsDatabase() throws Exception {
    execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)");

    assertThatThrownBy(this::reopen)
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(location())
        .hasMessageContaining("another application");
  }

  @Test
  default void refusesADatabaseMigratedByANewerVersion() throws Exception {
    reopen().close();
    execute(
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'later',"
            + " 'SQL', 'V99__later.sql', 1, 'test', 1, true)");

    assertThatThrownBy(this::reopen)
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(location())
        .hasMessageContaining("newer version of scim-sync (schema version 99)");
  }

  @Test
  default void openingLogsNothingAtInfoOrAbove() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    root.addAppender(events);
    Logger flyway = (Logger) LoggerFactory.getLogger("org.flywaydb");
    Level configured = flyway.getLevel();
    flyway.setLevel(Level.DEBUG);
    try {
      reopen().close();
      reopen().close();
    } finally {
      flyway.setLevel(configured);
      root.detachAppender(events);
    }

    assertThat(events.list)
        .as("Flyway's migration messages are kept below INFO")
        .anySatisfy(event -> assertThat(event.getLoggerName()).startsWith("org.flywaydb"))
        .allSatisfy(event -> assertThat(event.getLevel().isGreaterOrEqual(Level.INFO)).isFalse());
  }
}
