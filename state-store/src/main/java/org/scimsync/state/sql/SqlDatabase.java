package org.scimsync.state.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.StateStoreException;

/**
 * The one connection of a store, guarded by a lock so that the threads of a run take turns.
 *
 * <p>SQLite serialises writers anyway; one connection keeps prepared statements warm and avoids
 * lock contention between connections of the same process. On SQLite, writes run in {@code BEGIN
 * IMMEDIATE} transactions, so a write never fails half-way because another process started writing
 * (the busy timeout applies to taking the write lock). Reads run in a deferred (SQLite) or
 * repeatable-read (PostgreSQL) transaction, so a multi-query read sees one consistent snapshot.
 */
public final class SqlDatabase implements AutoCloseable {

  /** A unit of work on the connection; runs inside a transaction, with the lock held. */
  @FunctionalInterface
  public interface Work<T> {
    T run(SqlDatabase db) throws SQLException;
  }

  /** Opens a new connection when the old one was lost (a database restart, a network cut). */
  @FunctionalInterface
  public interface Reconnect {
    Connection open() throws SQLException;
  }

  private final Dialect dialect;
  private final String location;
  private final @Nullable Reconnect reconnect;
  private Connection connection;
  private boolean lost;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private boolean closed;

  /**
   * Takes over an open, migrated connection.
   *
   * @param dialect the database the connection is to
   * @param location where the database lives, for messages (never with a password)
   * @param connection the connection, closed with this object
   * @throws SQLException when the connection cannot be configured
   */
  public SqlDatabase(Dialect dialect, String location, Connection connection) throws SQLException {
    this(dialect, location, connection, null);
  }

  /**
   * As {@link #SqlDatabase(Dialect, String, Connection)}, replacing a lost connection with {@code
   * reconnect} before the next unit of work (the one that saw it lost fails).
   */
  public SqlDatabase(
      Dialect dialect, String location, Connection connection, @Nullable Reconnect reconnect)
      throws SQLException {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.location = Objects.requireNonNull(location, "location");
    this.connection = Objects.requireNonNull(connection, "connection");
    this.reconnect = reconnect;
    dialect.configure(connection);
  }

  /** Where the database lives, for messages: a file path, {@code :memory:} or a JDBC URL. */
  public String location() {
    return location;
  }

  Dialect dialect() {
    return dialect;
  }

  /** Runs {@code work} in a write transaction and commits it; rolls back on any failure. */
  <T> T write(String what, Work<T> work) {
    return inTransaction(dialect.beginWrite(), what, work);
  }

  /** A unit of work that writes and returns nothing. */
  @FunctionalInterface
  interface Update {
    void run(SqlDatabase db) throws SQLException;
  }

  /** Runs {@code update} in a write transaction and commits it; rolls back on any failure. */
  void update(String what, Update update) {
    write(
        what,
        db -> {
          update.run(db);
          return null;
        });
  }

  /** Runs {@code work} in a read transaction (one consistent snapshot). */
  public <T> T read(String what, Work<T> work) {
    return inTransaction(dialect.beginRead(), what, work);
  }

  /** A prepared statement, cached for the life of the connection. Only valid inside work. */
  public PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  private <T> T inTransaction(@Nullable String begin, String what, Work<T> work) {
    lock.lock();
    try {
      if (closed) {
        throw new StateStoreException(
            "state store " + location + " is closed; cannot " + what, null);
      }
      try {
        if (lost) {
          replaceLostConnection();
        }
        if (begin != null) {
          prepare(begin).execute();
        }
      } catch (SQLException e) {
        noteLost(e);
        rollback(e);
        throw failure(what, e);
      }
      try {
        T result = work.run(this);
        commit();
        return result;
      } catch (Throwable e) {
        // Errors too: a transaction left open would make every later call fail.
        noteLost(e);
        rollback(e);
        if (e instanceof StateStoreException stateStoreException) {
          throw stateStoreException;
        }
        if (e instanceof Error error) {
          throw error;
        }
        throw failure(what, (Exception) e);
      }
    } finally {
      lock.unlock();
    }
  }

  private void noteLost(Throwable failure) {
    if (reconnect == null) {
      return;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        lost = true;
        return;
      }
    }
  }

  private void replaceLostConnection() throws SQLException {
    closeStatements();
    try {
      connection.close();
    } catch (SQLException e) {
      // it is lost already
    }
    connection = Objects.requireNonNull(reconnect).open();
    dialect.configure(connection);
    lost = false;
  }

  private @Nullable SQLException closeStatements() {
    SQLException failure = null;
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        failure = e;
      }
    }
    statements.clear();
    return failure;
  }

  private void commit() throws SQLException {
    if (dialect == Dialect.SQLITE) {
      prepare("COMMIT").execute();
    } else {
      connection.commit();
    }
  }

  private void rollback(Throwable cause) {
    // SQLite rolls back by itself after some errors (disk full, I/O); a second ROLLBACK then
    // fails with "no transaction is active", which is kept as a suppressed detail.
    try {
      if (dialect == Dialect.SQLITE) {
        prepare("ROLLBACK").execute();
      } else {
        connection.rollback();
      }
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private StateStoreException failure(String what, Exception e) {
    return new StateStoreException(
        "state store " + location + ": could not " + what + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      SQLException failure = closeStatements();
      try {
        connection.close();
      } catch (SQLException e) {
        failure = e;
      }
      if (failure != null) {
        throw new StateStoreException(
            "state store " + location + ": could not close cleanly: " + failure.getMessage(),
            failure);
      }
    } finally {
      lock.unlock();
    }
  }
}
