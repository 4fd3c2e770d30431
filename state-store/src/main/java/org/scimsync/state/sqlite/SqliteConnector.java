package org.scimsync.state.sqlite;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.state.sql.Dialect;
import org.scimsync.state.sql.SchemaMigration;
import org.scimsync.state.sql.SqlDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.JDBC;

/** Prepares the state file and opens its connection with the store's settings, migrated. */
final class SqliteConnector {

  /** The location of an in-memory database. */
  static final String IN_MEMORY = ":memory:";

  private static final Logger LOG = LoggerFactory.getLogger(SqliteConnector.class);

  /**
   * WAL, so that readers (a {@code status} command) never block the run's writes; NORMAL
   * synchronisation (see {@link SqliteStateStore}); a busy timeout for writers of other processes.
   */
  private static final String PRAGMAS =
      "?journal_mode=WAL&busy_timeout=5000&foreign_keys=true&synchronous=NORMAL";

  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  private SqliteConnector() {}

  /**
   * Creates the file owner-only if it is missing, tightens it and its companions if they are
   * readable by others, and returns its real path.
   */
  static Path prepareFile(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (absolute.toString().indexOf('?') >= 0) {
      // sqlite-jdbc reads everything after '?' in its URL as settings
      throw new StateStoreException(
          "state file " + absolute + ": a path containing '?' is not supported", null);
    }
    OwnerOnlyFiles.prepare(absolute);
    Path real;
    try {
      real = absolute.toRealPath();
    } catch (IOException e) {
      throw new StateStoreException("cannot open state file " + absolute + ": " + e, e);
    }
    for (String companion : List.of("-wal", "-shm", "-journal", ".lock")) {
      OwnerOnlyFiles.tighten(real.resolveSibling(real.getFileName() + companion));
    }
    return real;
  }

  /** Opens the database at {@code location} (a prepared file or {@link #IN_MEMORY}), migrated. */
  static SqlDatabase openMigrated(String location) {
    boolean inMemory = IN_MEMORY.equals(location);
    String url =
        "jdbc:sqlite:" + (inMemory ? IN_MEMORY + "?foreign_keys=true" : location + PRAGMAS);
    Connection connection = connect(url, location);
    try {
      if (!inMemory) {
        warnUnlessWal(connection, location);
      }
      SchemaMigration.migrate(connection, Dialect.SQLITE, location);
      return new SqlDatabase(Dialect.SQLITE, location, connection);
    } catch (SQLException e) {
      closeQuietly(connection, e);
      throw damaged(location, e);
    } catch (RuntimeException e) {
      closeQuietly(connection, e);
      throw e;
    }
  }

  private static void closeQuietly(Connection connection, Exception cause) {
    try {
      connection.close();
    } catch (SQLException closing) {
      cause.addSuppressed(closing);
    }
  }

  private static Connection connect(String url, String location) {
    try {
      // The driver directly, not DriverManager: no dependence on service files surviving a
      // repackaged (shaded) application jar.
      Connection connection = JDBC.createConnection(url, new Properties());
      connection.setAutoCommit(true);
      return connection;
    } catch (SQLException e) {
      int code = e.getErrorCode() & 0xff;
      if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
        throw damaged(location, e);
      }
      throw new StateStoreException(
          "cannot open state file " + location + ": " + e.getMessage(), e);
    }
  }

  private static void warnUnlessWal(Connection connection, String location) {
    try (Statement statement = connection.createStatement();
        ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
      String journalMode = mode.next() ? mode.getString(1) : "unknown";
      if (!"wal".equalsIgnoreCase(journalMode)) {
        LOG.warn("state.wal.unavailable file={} journalMode={}", location, journalMode);
      }
    } catch (SQLException e) {
      throw damaged(location, e);
    }
  }

  static StateStoreException damaged(String location, SQLException e) {
    return new StateStoreException(
        "state file " + location + " is not a SQLite database or is damaged: " + e.getMessage(), e);
  }
}
