package org.scimsync.state.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What differs between the databases the state store runs on: how transactions begin, the few
 * statements that use a database's own functions, and the folder of its Flyway migrations (the same
 * version numbers in both, one history).
 */
public enum Dialect {
  /** One SQLite file: one writer at a time, taken at once with {@code BEGIN IMMEDIATE}. */
  SQLITE,
  /** A PostgreSQL database shared by the instances of a cluster. */
  POSTGRESQL;

  /** The Flyway location of this database's migrations ({@code db/migration/<vendor>}). */
  public String migrations() {
    return "classpath:db/migration/" + name().toLowerCase(Locale.ROOT);
  }

  /** Prepares a newly opened connection for {@link SqlDatabase}'s transactions. */
  void configure(Connection connection) throws SQLException {
    // SQLite: explicit BEGIN statements on an auto-commit connection (so that BEGIN IMMEDIATE
    // takes the write lock at once). PostgreSQL: JDBC transactions.
    connection.setAutoCommit(this == SQLITE);
  }

  /** The statement that opens a write transaction; null when JDBC opens it implicitly. */
  String beginWrite() {
    return this == SQLITE ? "BEGIN IMMEDIATE" : null;
  }

  /**
   * The statement that opens a read transaction seeing one consistent snapshot; on PostgreSQL the
   * first statement of the implicit transaction.
   */
  String beginRead() {
    return this == SQLITE ? "BEGIN" : "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
  }

  /** Each group's member user keys as one JSON array of strings, of the target parameter. */
  String membershipsByGroup() {
    return this == SQLITE
        ? "SELECT group_key, json_group_array(user_key) FROM membership WHERE target = ?"
            + " GROUP BY group_key"
        : "SELECT group_key, json_agg(user_key)::text FROM membership WHERE target = ?"
            + " GROUP BY group_key";
  }

  /** A subquery over the strings of one JSON array parameter. */
  String stringsOfJsonParameter() {
    return this == SQLITE
        ? "SELECT value FROM json_each(?)"
        : "SELECT json_array_elements_text(CAST(? AS json))";
  }

  /**
   * True when a failed statement leaves the transaction usable (SQLite), so that a rare conflict is
   * handled after it happens; PostgreSQL aborts the transaction, so the conflict is avoided first.
   */
  boolean continuesAfterFailedStatement() {
    return this == SQLITE;
  }
}
