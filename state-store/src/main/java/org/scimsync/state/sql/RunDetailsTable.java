package org.scimsync.state.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.scimsync.engine.state.RunDetails;

/** What each run's report said beyond its journal: one row per run. */
final class RunDetailsTable {

  private static final String SELECT =
      "SELECT warnings, withheld, plan_text FROM run_details WHERE run_id = ?";
  private static final String UPSERT =
      "INSERT INTO run_details (run_id, warnings, withheld, plan_text) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (run_id) DO UPDATE SET warnings = excluded.warnings,"
          + " withheld = excluded.withheld, plan_text = excluded.plan_text";

  private RunDetailsTable() {}

  static Optional<RunDetails> load(SqlDatabase db, long runId) throws SQLException {
    PreparedStatement select = db.prepare(SELECT);
    select.setLong(1, runId);
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

  static void save(SqlDatabase db, long runId, RunDetails details) throws SQLException {
    PreparedStatement upsert = db.prepare(UPSERT);
    upsert.setLong(1, runId);
    upsert.setString(2, Columns.json(details.warnings()));
    upsert.setString(3, Columns.json(details.withheld()));
    upsert.setString(4, details.planText());
    upsert.executeUpdate();
  }
}
