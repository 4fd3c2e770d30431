package org.scimsync.state.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.scimsync.engine.state.SourceCheckpoint;

/** Where the directory's next change read continues: at most one row per target. */
final class SourceCheckpointTable {

  private static final String SELECT =
      "SELECT inputs, checkpoint FROM source_checkpoint WHERE target = ?";
  private static final String UPSERT =
      "INSERT INTO source_checkpoint (target, inputs, checkpoint) VALUES (?, ?, ?)"
          + " ON CONFLICT (target) DO UPDATE SET inputs = excluded.inputs,"
          + " checkpoint = excluded.checkpoint";

  private SourceCheckpointTable() {}

  static Optional<SourceCheckpoint> load(SqlDatabase db, String target) throws SQLException {
    PreparedStatement select = db.prepare(SELECT);
    select.setString(1, target);
    try (ResultSet row = select.executeQuery()) {
      return row.next()
          ? Optional.of(new SourceCheckpoint(row.getString(1), row.getString(2)))
          : Optional.empty();
    }
  }

  static void save(SqlDatabase db, String target, SourceCheckpoint checkpoint) throws SQLException {
    PreparedStatement upsert = db.prepare(UPSERT);
    upsert.setString(1, target);
    upsert.setString(2, checkpoint.inputs());
    upsert.setString(3, checkpoint.checkpoint());
    upsert.executeUpdate();
  }
}
