package org.scimsync.state.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.state.postgres.servers.PostgresServer;
import org.scimsync.state.sql.ConcurrentWritesContract;
import org.scimsync.state.sql.Dialect;
import org.scimsync.state.sql.LinksAndRunsContract;
import org.scimsync.state.sql.MappingMemoContract;
import org.scimsync.state.sql.PushedResourceContract;
import org.scimsync.state.sql.RunDetailsContract;
import org.scimsync.state.sql.RunLockContract;
import org.scimsync.state.sql.RunLockHolder;
import org.scimsync.state.sql.SchemaContract;
import org.scimsync.state.sql.SourceCheckpointContract;
import org.scimsync.state.sql.SqlStateStore;
import org.scimsync.state.sql.StateStoreFixture;
import org.scimsync.state.sql.SteadyStateContract;
import org.scimsync.state.sql.TargetCapabilityContract;
import org.scimsync.state.sql.TargetsContract;

/** Every state store contract on a real PostgreSQL server, in a schema of its own per test. */
class PostgresStateStoreIT
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

  private PostgresServer server;
  private String schema;
  private PostgresStateStore store;

  @BeforeEach
  void newSchema() throws Exception {
    server = PostgresServer.get();
    schema = server.newSchema();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Override
  public SqlStateStore store() {
    if (store == null) {
      store =
          PostgresStateStore.open(
              server.connection(schema), Clock.fixed(JOURNAL_TIME, ZoneOffset.UTC));
    }
    return store;
  }

  @Override
  public SqlStateStore reopen() {
    return PostgresStateStore.open(server.connection(schema));
  }

  @Override
  public String location() {
    return server.url(schema);
  }

  @Override
  public Connection connect() throws SQLException {
    return server.connect(schema);
  }

  @Override
  public FluentConfiguration flyway() {
    return Flyway.configure()
        .dataSource(server.url(schema), PostgresServer.USER, PostgresServer.PASSWORD);
  }

  @Override
  public Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  @Override
  public List<String> lockHolderArguments() {
    return List.of("postgresql", server.url(schema), PostgresServer.USER);
  }

  /** A PostgreSQL detail: the store's session ends (a database restart, a fail-over). */
  @Test
  void aLostSessionFailsOneCallAndIsReplacedBeforeTheNext() throws Exception {
    store().saveLink(StateStoreFixture.user("alice", "t-1"));
    try (Connection admin = server.connect(schema);
        Statement statement = admin.createStatement()) {
      statement.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE application_name = 'scim-sync' AND pid <> pg_backend_pid()");
    }

    assertThatThrownBy(() -> store().load())
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(location());
    assertThat(store().load().users()).containsOnlyKeys("alice");
    store().saveLink(StateStoreFixture.user("bob", "t-2"));
    assertThat(store().load().users()).containsOnlyKeys("alice", "bob");
  }

  /**
   * A PostgreSQL detail: when the sessions end during a run (a restart), the run's lock is gone and
   * another instance may run; this run's calls fail until it releases its lock.
   */
  @Test
  void aRunWhoseSessionsWereLostStopsAndTheStoreWorksAgainAfterIt() throws Exception {
    store().saveLink(StateStoreFixture.user("alice", "t-1"));
    RunLock lock = store().lock();
    try (Connection admin = server.connect(schema);
        Statement statement = admin.createStatement()) {
      statement.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE application_name LIKE 'scim-sync%' AND pid <> pg_backend_pid()");
    }

    assertThatThrownBy(() -> store().saveLink(StateStoreFixture.user("bob", "t-2")))
        .isInstanceOf(StateStoreException.class);
    assertThatThrownBy(() -> store().saveLink(StateStoreFixture.user("bob", "t-2")))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("lost during a run");
    try (SqlStateStore other = reopen();
        RunLock theirs = other.lock()) {
      assertThat(theirs).as("another run may take the lock").isNotNull();
    }

    lock.close();
    assertThat(store().load().users()).containsOnlyKeys("alice");
  }

  /**
   * A PostgreSQL detail: the default target keeps the advisory lock key of versions before targets
   * had names (so that an older and a newer instance still exclude each other); another target's
   * key hashes the schema and its name.
   */
  @Test
  void theDefaultTargetKeepsTheKeyOfEarlierVersionsAndOthersHaveTheirOwn() throws Exception {
    store();
    try (Connection older = server.connect(schema);
        Statement statement = older.createStatement()) {
      statement.execute(
          "SELECT set_config('application_name', 'scim-sync run of an older version', false)");
      statement.execute(
          "SELECT pg_advisory_lock(" + AdvisoryRunLock.KEY + ", hashtext(current_schema()))");

      assertThatThrownBy(store()::lock)
          .isInstanceOf(StateLockedException.class)
          .hasMessageContaining("held by scim-sync run of an older version");
      store().forTarget("slack").lock().close();

      statement.execute(
          "SELECT pg_advisory_lock("
              + AdvisoryRunLock.KEY
              + ", hashtext(current_schema() || '/slack'))");
      assertThatThrownBy(() -> store().forTarget("slack").lock())
          .isInstanceOf(StateLockedException.class)
          .hasMessageContaining("(target slack)")
          .hasMessageContaining("held by scim-sync run of an older version");
      store().forTarget("github").lock().close();
    }
    store().lock().close();
    store().forTarget("slack").lock().close();
  }

  @Override
  public Map<String, String> lockHolderEnvironment() {
    return Map.of(RunLockHolder.PASSWORD, PostgresServer.PASSWORD);
  }
}
