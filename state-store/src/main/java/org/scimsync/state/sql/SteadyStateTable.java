package org.scimsync.state.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.scimsync.engine.state.SteadyState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steady state: at most one row per target, its last run that planned no change. */
final class SteadyStateTable {

  private static final Logger LOG = LoggerFactory.getLogger(SteadyStateTable.class);

  private static final String SELECT =
      "SELECT inputs, run_id, unchanged, warnings FROM steady_state WHERE target = ?";
  private static final String UPSERT =
      "INSERT INTO steady_state (target, inputs, run_id, unchanged, warnings)"
          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (target) DO UPDATE SET inputs = excluded.inputs,"
          + " run_id = excluded.run_id, unchanged = excluded.unchanged,"
          + " warnings = excluded.warnings";
  private static final String DELETE = "DELETE FROM steady_state WHERE target = ?";

  private SteadyStateTable() {}

  static Optional<SteadyState> load(SqlDatabase db, String target) throws SQLException {
    PreparedStatement select = db.prepare(SELECT);
    select.setString(1, target);
    try (ResultSet row = select.executeQuery()) {
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

  static void save(SqlDatabase db, String target, SteadyState steady) throws SQLException {
    PreparedStatement upsert = db.prepare(UPSERT);
    upsert.setString(1, target);
    upsert.setString(2, steady.inputs());
    upsert.setLong(3, steady.runId());
    upsert.setInt(4, steady.unchanged());
    upsert.setString(5, Columns.json(steady.warnings()));
    upsert.executeUpdate();
  }

  static void delete(SqlDatabase db, String target) throws SQLException {
    PreparedStatement delete = db.prepare(DELETE);
    delete.setString(1, target);
    delete.executeUpdate();
  }
}
