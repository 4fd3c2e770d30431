package org.scimsync.state.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.StateStoreException;

/**
 * The journal of changes: each journaled before it is sent and ended when the target answered. An
 * entry carries the target of its run, so that a target's unfinished changes are one index read; an
 * entry is begun only for a run of the store's target.
 */
final class JournalTable {

  private static final String COLUMNS =
      "id, run_id, change, object_kind, source_key, target_id, label, attributes, started_at,"
          + " finished_at, result, http_status, outcome_target_id, error";
  private static final String INSERT =
      "INSERT INTO journal (target, run_id, change, object_kind, source_key, target_id, label,"
          + " attributes, started_at) SELECT target, id, ?, ?, ?, ?, ?, ?, ? FROM run"
          + " WHERE id = ? AND target = ? RETURNING id";
  private static final String END =
      "UPDATE journal SET result = ?, http_status = ?, outcome_target_id = ?, error = ?,"
          + " finished_at = ? WHERE id = ? AND target = ?";
  private static final String UNFINISHED =
      "SELECT "
          + COLUMNS
          + " FROM journal WHERE target = ? AND result IS NULL AND settled = 0 ORDER BY id";
  private static final String SETTLE = "UPDATE journal SET settled = 1 WHERE id = ? AND target = ?";
  private static final String OF_RUN =
      "SELECT " + COLUMNS + " FROM journal WHERE run_id = ? AND target = ? ORDER BY id";

  private JournalTable() {}

  static long begin(SqlDatabase db, String target, long runId, JournalEntry entry, Instant now)
      throws SQLException {
    PreparedStatement insert = db.prepare(INSERT);
    insert.setString(1, entry.change());
    insert.setString(2, entry.objectKind().name());
    insert.setString(3, entry.sourceKey());
    Columns.setNullableText(insert, 4, entry.targetId());
    insert.setString(5, entry.label());
    insert.setString(6, Columns.json(entry.attributes()));
    insert.setString(7, Columns.text(now));
    insert.setLong(8, runId);
    insert.setString(9, target);
    try (ResultSet id = insert.executeQuery()) {
      if (!id.next()) {
        throw new StateStoreException(
            "state store "
                + db.location()
                + ": cannot journal a change of run "
                + runId
                + ": no such run of target "
                + target,
            null);
      }
      return id.getLong(1);
    }
  }

  static void end(SqlDatabase db, String target, long journalId, ChangeOutcome outcome, Instant now)
      throws SQLException {
    PreparedStatement update = db.prepare(END);
    update.setString(1, outcome.result().name());
    Columns.setNullableInt(update, 2, outcome.httpStatus());
    Columns.setNullableText(update, 3, outcome.targetId());
    Columns.setNullableText(update, 4, outcome.error());
    update.setString(5, Columns.text(now));
    update.setLong(6, journalId);
    update.setString(7, target);
    if (update.executeUpdate() == 0) {
      throw missing(db, target, "end", journalId);
    }
  }

  static List<JournalRecord> unfinished(SqlDatabase db, String target) throws SQLException {
    PreparedStatement select = db.prepare(UNFINISHED);
    select.setString(1, target);
    return records(select);
  }

  static void settle(SqlDatabase db, String target, Collection<Long> journalIds)
      throws SQLException {
    PreparedStatement update = db.prepare(SETTLE);
    List<Long> ids = List.copyOf(journalIds);
    for (long id : ids) {
      update.setLong(1, id);
      update.setString(2, target);
      update.addBatch();
    }
    int[] counts = update.executeBatch();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        throw missing(db, target, "settle", ids.get(i));
      }
    }
  }

  static List<JournalRecord> ofRun(SqlDatabase db, String target, long runId) throws SQLException {
    PreparedStatement select = db.prepare(OF_RUN);
    select.setLong(1, runId);
    select.setString(2, target);
    return records(select);
  }

  private static List<JournalRecord> records(PreparedStatement select) throws SQLException {
    List<JournalRecord> records = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        records.add(record(rows));
      }
    }
    return List.copyOf(records);
  }

  private static JournalRecord record(ResultSet rows) throws SQLException {
    JournalEntry entry =
        new JournalEntry(
            rows.getString("change"),
            ObjectKind.valueOf(rows.getString("object_kind")),
            rows.getString("source_key"),
            rows.getString("target_id"),
            rows.getString("label"),
            Columns.strings(rows.getString("attributes")));
    String result = rows.getString("result");
    ChangeOutcome outcome =
        result == null
            ? null
            : new ChangeOutcome(
                ChangeOutcome.Result.valueOf(result),
                Columns.nullableInt(rows, "http_status"),
                rows.getString("outcome_target_id"),
                rows.getString("error"));
    return new JournalRecord(
        rows.getLong("id"),
        rows.getLong("run_id"),
        entry,
        Columns.instant(rows, "started_at"),
        outcome,
        Columns.nullableInstant(rows, "finished_at"));
  }

  private static StateStoreException missing(
      SqlDatabase db, String target, String what, long journalId) {
    return new StateStoreException(
        "state store "
            + db.location()
            + ": cannot "
            + what
            + " journal entry "
            + journalId
            + ": no such entry of target "
            + target,
        null);
  }
}
