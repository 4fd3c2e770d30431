package org.scimsync.state.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.scimsync.engine.state.StateStoreException;

/**
 * The one SQLite connection of a store, guarded by a lock so that the threads of a run take turns.
 *
 * <p>SQLite serialises writers anyway; one connection keeps prepared statements warm and avoids
 * lock contention between connections of the same process. Writes run in {@code BEGIN IMMEDIATE}
 * transactions, so a write never fails half-way because another process started writing (the busy
 * timeout applies to taking the write lock). Reads run in a deferred transaction, so a multi-query
 * read sees one consistent snapshot.
 */
final class SqliteDatabase implements AutoCloseable {

  /** A unit of work on the connection; runs inside a transaction, with the lock held. */
  @FunctionalInterface
  interface Work<T> {
    T run(SqliteDatabase db) throws SQLException;
  }

  private final String location;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private boolean closed;

  SqliteDatabase(String location, Connection connection) {
    this.location = Objects.requireNonNull(location, "location");
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /** Where the database lives, for messages: a file path or {@code :memory:}. */
  String location() {
    return location;
  }

  /** Runs {@code work} in a write transaction and commits it; rolls back on any failure. */
  <T> T write(String what, Work<T> work) {
    return inTransaction("BEGIN IMMEDIATE", what, work);
  }

  /** A unit of work that writes and returns nothing. */
  @FunctionalInterface
  interface Update {
    void run(SqliteDatabase db) throws SQLException;
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
  <T> T read(String what, Work<T> work) {
    return inTransaction("BEGIN", what, work);
  }

  /** A prepared statement, cached for the life of the connection. Only valid inside work. */
  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  private <T> T inTransaction(String begin, String what, Work<T> work) {
    lock.lock();
    try {
      if (closed) {
        throw new StateStoreException(
            "state store " + location + " is closed; cannot " + what, null);
      }
      try {
        prepare(begin).execute();
      } catch (SQLException e) {
        throw failure(what, e);
      }
      try {
        T result = work.run(this);
        prepare("COMMIT").execute();
        return result;
      } catch (Throwable e) {
        // Errors too: a transaction left open would make every later call fail.
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

  private void rollback(Throwable cause) {
    // SQLite rolls back by itself after some errors (disk full, I/O); a second ROLLBACK then
    // fails with "no transaction is active", which is kept as a suppressed detail.
    try {
      prepare("ROLLBACK").execute();
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
      SQLException failure = null;
      for (PreparedStatement statement : statements.values()) {
        try {
          statement.close();
        } catch (SQLException e) {
          failure = e;
        }
      }
      statements.clear();
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
