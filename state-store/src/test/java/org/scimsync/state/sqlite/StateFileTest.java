package org.scimsync.state.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.state.sql.StateStoreFixture;

class StateFileTest {

  /**
   * As recorded in state files written before PostgreSQL support (migrations then in db/migration).
   */
  private static final String[] CHECKSUMS_OF_EARLIER_VERSIONS = {
    "1 V1__init.sql -55022895",
    "2 V2__link_pushed_resource.sql -1029407673",
    "3 V3__mapping_memo.sql -2031786579",
    "4 V4__steady_state.sql -1401481677",
    "5 V5__target_capabilities.sql 1676610888"
  };

  @TempDir Path dir;

  @Test
  void createsTheFileAndItsDirectoriesOwnerOnly() throws Exception {
    Path file = dir.resolve("var/lib/scim-sync/state.db");

    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      store.saveLink(StateStoreFixture.user("alice", "t-1"));
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
      store.saveLink(StateStoreFixture.user("alice", "t-1"));
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
  void refusesADirectory() throws Exception {
    Path file = Files.createDirectory(dir.resolve("state.db"));

    assertThatThrownBy(() -> SqliteStateStore.open(file))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a file");
  }

  @Test
  void theMigrationsOfEarlierVersionsKeepTheirChecksumsSoExistingFilesStillValidate()
      throws Exception {
    Path file = dir.resolve("state.db");
    SqliteStateStore.open(file).close();

    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      // Flyway refuses a file whose applied migrations changed; these are the checksums that
      // state files written by earlier versions (schemas 1 to 5) carry.
      assertThat(
              query(
                  sqlite,
                  "SELECT version || ' ' || script || ' ' || checksum FROM flyway_schema_history"
                      + " WHERE version <= '5' ORDER BY installed_rank"))
          .containsExactly(CHECKSUMS_OF_EARLIER_VERSIONS);
    }
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  static List<String> query(Connection connection, String sql) throws SQLException {
    return StateStoreFixture.query(connection, sql);
  }
}
