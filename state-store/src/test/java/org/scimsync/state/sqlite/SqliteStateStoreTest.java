package org.scimsync.state.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.state.sql.ConcurrentWritesContract;
import org.scimsync.state.sql.Dialect;
import org.scimsync.state.sql.LinksAndRunsContract;
import org.scimsync.state.sql.MappingMemoContract;
import org.scimsync.state.sql.PushedResourceContract;
import org.scimsync.state.sql.RunDetailsContract;
import org.scimsync.state.sql.RunLockContract;
import org.scimsync.state.sql.SchemaContract;
import org.scimsync.state.sql.SourceCheckpointContract;
import org.scimsync.state.sql.SqlStateStore;
import org.scimsync.state.sql.StateStoreFixture;
import org.scimsync.state.sql.SteadyStateContract;
import org.scimsync.state.sql.TargetCapabilityContract;
import org.scimsync.state.sql.TargetsContract;

/** Every state store contract on a SQLite file of its own per test; SQLite's details elsewhere. */
class SqliteStateStoreTest
    implements LinksAndRunsContract,
        ConcurrentWritesContract,
        MappingMemoContract,
        PushedResourceContract,
        SteadyStateContract,
        SourceCheckpointContract,
        RunDetailsContract,
        TargetCapabilityContract,
        TargetsContract,
        RunLockContract,
        SchemaContract {

  @TempDir Path dir;
  private SqliteStateStore store;

  private Path file() {
    return dir.resolve("state.db");
  }

  @Override
  public SqlStateStore store() {
    if (store == null) {
      store = SqliteStateStore.open(file(), Clock.fixed(JOURNAL_TIME, ZoneOffset.UTC));
    }
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Override
  public SqlStateStore reopen() {
    return SqliteStateStore.open(file());
  }

  @Override
  public String location() {
    return file().toString();
  }

  @Override
  public Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file());
  }

  @Override
  public FluentConfiguration flyway() {
    return Flyway.configure().dataSource("jdbc:sqlite:" + file(), null, null);
  }

  @Override
  public Dialect dialect() {
    return Dialect.SQLITE;
  }

  @Override
  public List<String> lockHolderArguments() {
    return List.of("sqlite", file().toString());
  }

  @Test
  void inMemoryStoreWorksOnItsOwnConnection() {
    try (SqliteStateStore memory = SqliteStateStore.openInMemory()) {
      memory.saveLink(StateStoreFixture.user("alice", "t-1"));
      memory.addMemberships("admins", List.of("alice"));
      assertThat(memory.load().users()).containsOnlyKeys("alice");
      assertThat(memory.file()).isEmpty();
    }
  }
}
