package org.scimsync.state.sql;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.state.sql.internal.QuietFlywayLog;

/**
 * Brings a store's schema to the current version with Flyway, on the store's own connection (an
 * in-memory database exists only on the connection that created it). Each database has its own
 * folder of migrations ({@code db/migration/sqlite}, {@code db/migration/postgresql}) with the same
 * version numbers: one history. Flyway takes a lock of the database while it migrates (on
 * PostgreSQL an advisory lock), so instances started together migrate once.
 */
public final class SchemaMigration {

  private SchemaMigration() {}

  /**
   * Migrates the database of {@code connection}.
   *
   * @param location where the database lives, for messages
   * @throws StateStoreException when the database belongs to something else, was migrated by a
   *     newer scim-sync, or cannot be migrated
   */
  public static void migrate(Connection connection, Dialect dialect, String location) {
    boolean autoCommit = autoCommit(connection);
    Flyway flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(new SingleConnectionDataSource(connection))
            .locations(dialect.migrations())
            .failOnMissingLocations(true)
            // A migration applied by a newer scim-sync is an error, not something to ignore.
            .ignoreMigrationPatterns(new String[0])
            .loggers(QuietFlywayLog.class.getName())
            .load();
    try {
      refuseForeignDatabase(connection, dialect, location);
      refuseNewerSchema(flyway, location);
      flyway.migrate();
    } catch (SQLException e) {
      throw new StateStoreException(
          dialect == Dialect.SQLITE
              ? "state file "
                  + location
                  + " is not a SQLite database or is damaged: "
                  + e.getMessage()
              : "state store " + location + " cannot be read: " + e.getMessage(),
          e);
    } catch (FlywayException e) {
      throw new StateStoreException(
          "state store " + location + " cannot be brought to the current schema: " + e.getMessage(),
          e);
    } finally {
      try {
        connection.setAutoCommit(autoCommit);
      } catch (SQLException e) {
        // the connection is broken; the store's first statement reports it
      }
    }
  }

  private static boolean autoCommit(Connection connection) {
    try {
      return connection.getAutoCommit();
    } catch (SQLException e) {
      return true;
    }
  }

  /** A database with tables but no schema history belongs to something else: leave it alone. */
  private static void refuseForeignDatabase(Connection connection, Dialect dialect, String location)
      throws SQLException {
    String query =
        dialect == Dialect.SQLITE
            ? "SELECT count(*), count(CASE WHEN name = 'flyway_schema_history' THEN 1 END)"
                + " FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT count(*), count(CASE WHEN table_name = 'flyway_schema_history' THEN 1 END)"
                + " FROM information_schema.tables WHERE table_schema = current_schema()";
    try (Statement statement = connection.createStatement();
        ResultSet tables = statement.executeQuery(query)) {
      tables.next();
      if (tables.getInt(1) > 0 && tables.getInt(2) == 0) {
        throw new StateStoreException(
            dialect == Dialect.SQLITE
                ? "file "
                    + location
                    + " is a SQLite database of another application, not a state file"
                : "database schema at "
                    + location
                    + " holds tables of another application; give scim-sync a schema of its own",
            null);
      }
    }
  }

  /** A schema migrated by a newer version must not be written by this one. */
  private static void refuseNewerSchema(Flyway flyway, String location) {
    for (MigrationInfo applied : flyway.info().applied()) {
      MigrationState state = applied.getState();
      if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
        throw new StateStoreException(
            "state store "
                + location
                + " was written by a newer version of scim-sync (schema version "
                + applied.getVersion()
                + "); upgrade scim-sync to use it",
            null);
      }
    }
  }

  /** Hands Flyway the store's connection, ignoring Flyway's close of it. */
  private record SingleConnectionDataSource(Connection connection) implements DataSource {

    @Override
    public Connection getConnection() {
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("close") && method.getParameterCount() == 0) {
                  return null;
                }
                try {
                  return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public Connection getConnection(String username, String password) {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
