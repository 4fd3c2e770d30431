package org.scimsync.state.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;

/**
 * The database under a contract test: each test class of a store ({@code SqliteStateStoreTest},
 * {@code PostgresStateStoreIT}) implements it and the contract interfaces, whose default methods
 * are the tests every store must pass.
 */
public interface StateStoreFixture {

  Instant T0 = Instant.parse("2026-11-23T10:15:30.123456789Z");

  /** What the store's clock says, for journal entries. */
  Instant JOURNAL_TIME = Instant.parse("2026-11-23T11:00:00.000000001Z");

  /**
   * The store of the running test, on a database of its own, opened on first use with its journal
   * clock fixed at {@link #JOURNAL_TIME} and closed after the test.
   */
  SqlStateStore store();

  /** Another store on the same database; the caller closes it. */
  SqlStateStore reopen();

  /** Where the database is, as the store's messages name it. */
  String location();

  /** A plain JDBC session to the same database; the caller closes it. */
  Connection connect() throws SQLException;

  /** Flyway configured on the same database, with no location yet. */
  FluentConfiguration flyway();

  /** The store's dialect. */
  Dialect dialect();

  /**
   * The program arguments of a {@code RunLockHolder} taking this store's run lock in another
   * process.
   */
  List<String> lockHolderArguments();

  static Link user(String key, String id) {
    return new Link(ObjectKind.USER, key, id, "hash-" + key, false, T0);
  }

  static Link group(String key, String id) {
    return new Link(ObjectKind.GROUP, key, id, "hash-" + key, false, T0);
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

  /** Runs one statement on a session of its own. */
  default void execute(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
