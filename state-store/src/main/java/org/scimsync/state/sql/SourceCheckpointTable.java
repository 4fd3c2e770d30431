package org.scimsync.state.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.scimsync.engine.state.SourceCheckpoint;

/** Where the directory's next change read continues: at most one row. */
final class SourceCheckpointTable {

  private static final String SELECT =
      "SELECT inputs, checkpoint FROM source_checkpoint WHERE id = 1";
  private static final String UPSERT =
      "INSERT INTO source_checkpoint (id, inputs, checkpoint) VALUES (1, ?, ?)"
          + " ON CONFLICT (id) DO UPDATE SET inputs = excluded.inputs,"
          + " checkpoint = excluded.checkpoint";

  private SourceCheckpointTable() {}

  static Optional<SourceCheckpoint> load(SqlDatabase db) throws SQLException {
    try (ResultSet row = db.prepare(SELECT).executeQuery()) {
      return row.next()
          ? Optional.of(new SourceCheckpoint(row.getString(1), row.getString(2)))
          : Optional.empty();
    }
  }

  static void save(SqlDatabase db, SourceCheckpoint checkpoint) throws SQLException {
    PreparedStatement upsert = db.prepare(UPSERT);
    upsert.setString(1, checkpoint.inputs());
    upsert.setString(2, checkpoint.checkpoint());
    upsert.executeUpdate();
  }
}
