package org.scimsync.state.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.scimsync.engine.state.SteadyState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steady state: at most one row, the last run that planned no change. */
final class SteadyStateTable {

  private static final Logger LOG = LoggerFactory.getLogger(SteadyStateTable.class);

  private static final String SELECT =
      "SELECT inputs, run_id, unchanged, warnings FROM steady_state WHERE id = 1";
  private static final String UPSERT =
      "INSERT INTO steady_state (id, inputs, run_id, unchanged, warnings)"
          + " VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET inputs = excluded.inputs,"
          + " run_id = excluded.run_id, unchanged = excluded.unchanged,"
          + " warnings = excluded.warnings";
  private static final String DELETE = "DELETE FROM steady_state";

  private SteadyStateTable() {}

  static Optional<SteadyState> load(SqlDatabase db) throws SQLException {
    try (ResultSet row = db.prepare(SELECT).executeQuery()) {
      if (!row.next()) {
        return Optional.empty();
      }
      List<String> warnings;
      try {
        warnings = Columns.strings(row.getString(4));
      } catch (SQLException e) {
        // A damaged row of a cache: the run reads everything, and records a new one.
        LOG.warn("state.steadyState.unreadable {}", e.getMessage());
        return Optional.empty();
      }
      return Optional.of(
          new SteadyState(row.getString(1), row.getLong(2), row.getInt(3), warnings));
    }
  }

  static void save(SqlDatabase db, SteadyState steady) throws SQLException {
    PreparedStatement upsert = db.prepare(UPSERT);
    upsert.setString(1, steady.inputs());
    upsert.setLong(2, steady.runId());
    upsert.setInt(3, steady.unchanged());
    upsert.setString(4, Columns.json(steady.warnings()));
    upsert.executeUpdate();
  }

  static void delete(SqlDatabase db) throws SQLException {
    db.prepare(DELETE).executeUpdate();
  }
}
