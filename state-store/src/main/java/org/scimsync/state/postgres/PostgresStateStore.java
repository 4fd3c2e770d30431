package org.scimsync.state.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.state.sql.Dialect;
import org.scimsync.state.sql.SchemaMigration;
import org.scimsync.state.sql.SqlDatabase;
import org.scimsync.state.sql.SqlStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store in a PostgreSQL database, shared by the instances of a clustered {@code serve}:
 * the same tables and statements as the SQLite store, migrated by Flyway from {@code
 * db/migration/postgresql} (the same version numbers as SQLite's; Flyway's advisory lock makes
 * instances started together migrate once).
 *
 * <p><b>Connections.</b> One session for the store's work, guarded by a lock so that the threads of
 * a run take turns, replaced before the next call when it was lost (a database restart or
 * fail-over): the call that found it lost fails, the next ones work. Every call is one committed
 * transaction; reads see one snapshot (repeatable read).
 *
 * <p><b>Targets.</b> {@link #open(PostgresConnection)} gives the state of target {@code default};
 * {@link #forTarget(String)} that of another target in the same schema, on the same session.
 *
 * <p><b>Lock.</b> {@link #lock()} takes the target's session-level advisory lock on a second
 * session kept open for the run; the server releases it when that session ends, so a killed
 * instance never leaves it stuck (see {@link AdvisoryRunLock}).
 */
public final class PostgresStateStore extends SqlStateStore {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresStateStore.class);

  private final PostgresConnection connection;
  private final RunLocks locks;

  private PostgresStateStore(
      SqlDatabase db, PostgresConnection connection, RunLocks locks, Clock clock) {
    super(db, clock);
    this.connection = connection;
    this.locks = locks;
  }

  private PostgresStateStore(PostgresStateStore store, String target) {
    super(store, target);
    this.connection = store.connection;
    this.locks = store.locks;
  }

  @Override
  protected PostgresStateStore view(String target) {
    return new PostgresStateStore(this, target);
  }

  /**
   * Connects and migrates the schema as needed.
   *
   * @throws StateStoreException naming the URL (never the password) when the database cannot be
   *     reached, refuses the login, belongs to another application or was migrated by a newer
   *     scim-sync
   */
  public static PostgresStateStore open(PostgresConnection connection) {
    return open(connection, Clock.systemUTC());
  }

  /** As {@link #open(PostgresConnection)}, with the clock that stamps journal entries. */
  static PostgresStateStore open(PostgresConnection connection, Clock clock) {
    Objects.requireNonNull(connection, "connection");
    String location = connection.url();
    Connection session;
    try {
      session = connection.open();
    } catch (SQLException e) {
      throw new StateStoreException(
          "cannot connect to state store " + location + ": " + e.getMessage(), e);
    }
    try {
      SchemaMigration.migrate(session, Dialect.POSTGRESQL, location);
      RunLocks locks = new RunLocks();
      SqlDatabase db =
          new SqlDatabase(
              Dialect.POSTGRESQL, location, session, () -> reconnect(connection, locks));
      LOG.debug("state.opened url={}", location);
      return new PostgresStateStore(db, connection, locks, clock);
    } catch (SQLException | RuntimeException e) {
      try {
        session.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof StateStoreException stateStoreException) {
        throw stateStoreException;
      }
      throw new StateStoreException("cannot open state store " + location + ": " + e, e);
    }
  }

  /**
   * A new session for a lost one, unless a run holds the lock: a lost session most likely means the
   * server restarted or failed over, which ended the lock's session too, and another instance may
   * have started a run since. That run goes on; this one stops (its calls fail until it releases
   * the lock), and a later run repairs what it left.
   */
  private static Connection reconnect(PostgresConnection connection, RunLocks locks)
      throws SQLException {
    if (locks.held() > 0) {
      throw new SQLException(
          "the database session was lost during a run, and with it the run's lock; this run"
              + " stops (the next run repairs what it left)",
          "08003");
    }
    LOG.warn("state.reconnecting url={}", connection.url());
    return connection.open();
  }

  /** Where the store is and how it logs in. */
  public PostgresConnection connection() {
    return connection;
  }

  @Override
  public RunLock lock() {
    locks.taken();
    try {
      return AdvisoryRunLock.acquire(connection, target(), locks::released);
    } catch (RuntimeException e) {
      locks.released();
      throw e;
    }
  }

  /** How many run locks this store holds (taken and not released). */
  private static final class RunLocks {
    private final java.util.concurrent.atomic.AtomicInteger held =
        new java.util.concurrent.atomic.AtomicInteger();

    void taken() {
      held.incrementAndGet();
    }

    void released() {
      held.decrementAndGet();
    }

    int held() {
      return held.get();
    }
  }
}
