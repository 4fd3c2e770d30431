package org.scimsync.state.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.engine.state.StateStoreException;
import org.slf4j.LoggerFactory;

class StateFileTest {

  @TempDir Path dir;

  @Test
  void createsTheFileAndItsDirectoriesOwnerOnly() throws Exception {
    Path file = dir.resolve("var/lib/scim-sync/state.db");

    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      store.saveLink(SqliteStateStoreTest.user("alice", "t-1"));
      store.lock().close();

      assertThat(permissions(file)).isEqualTo("rw-------");
      assertThat(permissions(file.resolveSibling("state.db-wal"))).isEqualTo("rw-------");
      assertThat(permissions(file.resolveSibling("state.db-shm"))).isEqualTo("rw-------");
      assertThat(permissions(file.resolveSibling("state.db.lock"))).isEqualTo("rw-------");
      assertThat(permissions(dir.resolve("var"))).isEqualTo("rwx------");
      assertThat(permissions(file.getParent())).isEqualTo("rwx------");
    }
  }

  @Test
  void tightensAnExistingFileReadableByOthers() throws Exception {
    Path file = dir.resolve("state.db");
    SqliteStateStore.open(file).close();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Path lock = file.resolveSibling("state.db.lock");
    Files.createFile(
        lock, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));

    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      assertThat(permissions(file)).isEqualTo("rw-------");
      assertThat(permissions(lock)).isEqualTo("rw-------");
      assertThat(store.load().users()).isEmpty();
    }
  }

  @Test
  void runsInWalModeWithForeignKeys() throws Exception {
    Path file = dir.resolve("state.db");
    try (SqliteStateStore store = SqliteStateStore.open(file);
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      store.saveLink(SqliteStateStoreTest.user("alice", "t-1"));
      assertThat(query(other, "PRAGMA journal_mode")).containsExactly("wal");
      assertThat(Files.exists(file.resolveSibling("state.db-wal"))).isTrue();
      assertThat(query(other, "SELECT source_key FROM link")).containsExactly("alice");
    }
  }

  @Test
  void theStoresConnectionUsesTheDocumentedSettings() {
    try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("state.db"))) {
      assertThat(store.pragma("journal_mode")).isEqualTo("wal");
      assertThat(store.pragma("synchronous")).as("NORMAL").isEqualTo("1");
      assertThat(store.pragma("foreign_keys")).isEqualTo("1");
      assertThat(store.pragma("busy_timeout")).isEqualTo("5000");
    }
  }

  @Test
  void reopeningAnExistingFileDoesNotMigrateAgain() throws Exception {
    Path file = dir.resolve("state.db");
    SqliteStateStore.open(file).close();
    SqliteStateStore.open(file).close();
    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      store.saveLink(SqliteStateStoreTest.user("alice", "t-1"));
    }

    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThat(query(sqlite, "SELECT version || ':' || success FROM flyway_schema_history"))
          .containsExactly("1:1", "2:1", "3:1", "4:1", "5:1");
      assertThat(query(sqlite, "SELECT value FROM store_meta WHERE name = 'application'"))
          .containsExactly("scim-sync");
      assertThat(query(sqlite, "SELECT count(*) FROM link")).containsExactly("1");
    }
  }

  @Test
  void refusesAFileThatIsNotADatabaseNamingIt() throws Exception {
    Path file = dir.resolve("state.db");
    Files.write(
        file,
        "this is not a database, just some text\n".repeat(200).getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> SqliteStateStore.open(file))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a SQLite database or is damaged");
  }

  @Test
  void refusesAFileWithADamagedSchemaNamingIt() throws Exception {
    Path file = dir.resolve("state.db");
    SqliteStateStore.open(file).close();
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 100; i < bytes.length; i++) {
      bytes[i] = (byte) 0x5a;
    }
    Files.write(file, bytes);

    assertThatThrownBy(() -> SqliteStateStore.open(file))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a SQLite database or is damaged");
  }

  @Test
  void refusesAnotherApplicationsDatabase() throws Exception {
    Path file = dir.resolve("other.db");
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = sqlite.createStatement()) {
      statement.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)");
    }

    assertThatThrownBy(() -> SqliteStateStore.open(file))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("another application");
  }

  @Test
  void refusesAFileMigratedByANewerVersion() throws Exception {
    Path file = dir.resolve("state.db");
    SqliteStateStore.open(file).close();
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = sqlite.createStatement()) {
      statement.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'later',"
              + " 'SQL', 'V99__later.sql', 1, 'test', 1, 1)");
    }

    assertThatThrownBy(() -> SqliteStateStore.open(file))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("newer version of scim-sync (schema version 99)");
  }

  @Test
  void refusesADirectory() throws Exception {
    Path file = Files.createDirectory(dir.resolve("state.db"));

    assertThatThrownBy(() -> SqliteStateStore.open(file))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a file");
  }

  @Test
  void openingLogsNothingAtInfoOrAbove() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    root.addAppender(events);
    Logger flyway = (Logger) LoggerFactory.getLogger("org.flywaydb");
    Level configured = flyway.getLevel();
    flyway.setLevel(Level.DEBUG);
    try {
      SqliteStateStore.open(dir.resolve("state.db")).close();
      SqliteStateStore.open(dir.resolve("state.db")).close();
    } finally {
      flyway.setLevel(configured);
      root.detachAppender(events);
    }

    assertThat(events.list)
        .as("Flyway's migration messages are kept below INFO")
        .anySatisfy(event -> assertThat(event.getLoggerName()).startsWith("org.flywaydb"))
        .allSatisfy(event -> assertThat(event.getLevel().isGreaterOrEqual(Level.INFO)).isFalse());
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  /** The first column of every row of a query. */
  static List<String> query(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
