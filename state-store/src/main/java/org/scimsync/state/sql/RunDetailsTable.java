package org.scimsync.state.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.scimsync.engine.state.RunDetails;
import org.scimsync.engine.state.StateStoreException;

/**
 * What each run's report said beyond its journal: one row per run, keyed by the run's id (unique
 * across targets) and read and written only through a run of the store's target.
 */
final class RunDetailsTable {

  private static final String SELECT =
      "SELECT d.warnings, d.withheld, d.plan_text FROM run_details d"
          + " JOIN run r ON r.id = d.run_id WHERE d.run_id = ? AND r.target = ?";
  // The SELECT's WHERE clause also keeps SQLite from reading ON CONFLICT as a join constraint.
  private static final String UPSERT =
      "INSERT INTO run_details (run_id, warnings, withheld, plan_text)"
          + " SELECT id, ?, ?, ? FROM run WHERE id = ? AND target = ?"
          + " ON CONFLICT (run_id) DO UPDATE SET warnings = excluded.warnings,"
          + " withheld = excluded.withheld, plan_text = excluded.plan_text";

  private RunDetailsTable() {}

  static Optional<RunDetails> load(SqlDatabase db, String target, long runId) throws SQLException {
    PreparedStatement select = db.prepare(SELECT);
    select.setLong(1, runId);
    select.setString(2, target);
    try (ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new RunDetails(
              Columns.strings(row.getString(1)),
              Columns.strings(row.getString(2)),
              row.getString(3)));
    }
  }

  static void save(SqlDatabase db, String target, long runId, RunDetails details)
      throws SQLException {
    PreparedStatement upsert = db.prepare(UPSERT);
    upsert.setString(1, Columns.json(details.warnings()));
    upsert.setString(2, Columns.json(details.withheld()));
    upsert.setString(3, details.planText());
    upsert.setLong(4, runId);
    upsert.setString(5, target);
    if (upsert.executeUpdate() == 0) {
      throw new StateStoreException(
          "state store "
              + db.location()
              + ": cannot record the details of run "
              + runId
              + ": no such run of target "
              + target,
          null);
    }
  }
}
