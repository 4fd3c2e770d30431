package org.scimsync.state.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.StateStoreException;

/**
 * The run history: one sequence of run ids for every target of the database, each run read and
 * written only through its own target.
 */
final class RunTable {

  private static final String COLUMNS =
      "id, triggered_by, full_run, dry_run, started_at, finished_at, status, planned, applied,"
          + " failed, message";
  private static final String INSERT =
      "INSERT INTO run (target, triggered_by, full_run, dry_run, started_at)"
          + " VALUES (?, ?, ?, ?, ?) RETURNING id";
  private static final String FINISH =
      "UPDATE run SET status = ?, planned = ?, applied = ?, failed = ?, finished_at = ?,"
          + " message = ? WHERE id = ? AND target = ?";
  private static final String RECENT =
      "SELECT " + COLUMNS + " FROM run WHERE target = ? ORDER BY id DESC LIMIT ?";
  private static final String ONE = "SELECT " + COLUMNS + " FROM run WHERE id = ? AND target = ?";
  private static final String TARGET_OF = "SELECT target FROM run WHERE id = ?";
  private static final String TARGETS = "SELECT target FROM run UNION SELECT target FROM link";

  /**
   * The last full run that observed the whole target and applied its plan: not a dry run, and
   * {@code SUCCEEDED} or {@code PARTIAL}. A partial run counts: it re-read the target, and the few
   * changes that failed are retried by the next run anyway (their links keep the old content hash).
   * Counting only {@code SUCCEEDED} would turn every run into a full run while one object is
   * persistently refused. Guard stops and failures do not count.
   */
  private static final String LAST_FULL =
      "SELECT max(finished_at) FROM run WHERE target = ? AND full_run = 1 AND dry_run = 0"
          + " AND status IN ('SUCCEEDED', 'PARTIAL')";

  private RunTable() {}

  static long begin(SqlDatabase db, String target, RunStart start) throws SQLException {
    PreparedStatement insert = db.prepare(INSERT);
    insert.setString(1, target);
    insert.setString(2, start.trigger());
    insert.setInt(3, start.full() ? 1 : 0);
    insert.setInt(4, start.dryRun() ? 1 : 0);
    insert.setString(5, Columns.text(start.startedAt()));
    try (ResultSet id = insert.executeQuery()) {
      id.next();
      return id.getLong(1);
    }
  }

  static void finish(SqlDatabase db, String target, long runId, RunSummary summary)
      throws SQLException {
    PreparedStatement update = db.prepare(FINISH);
    update.setString(1, summary.status().name());
    update.setInt(2, summary.planned());
    update.setInt(3, summary.applied());
    update.setInt(4, summary.failed());
    update.setString(5, Columns.text(summary.finishedAt()));
    Columns.setNullableText(update, 6, summary.message());
    update.setLong(7, runId);
    update.setString(8, target);
    if (update.executeUpdate() == 0) {
      throw new StateStoreException(
          "state store "
              + db.location()
              + ": cannot finish run "
              + runId
              + ": no such run of target "
              + target,
          null);
    }
  }

  static List<RunRecord> recent(SqlDatabase db, String target, int limit) throws SQLException {
    PreparedStatement select = db.prepare(RECENT);
    select.setString(1, target);
    select.setInt(2, limit);
    List<RunRecord> runs = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        runs.add(record(rows));
      }
    }
    return List.copyOf(runs);
  }

  static Optional<RunRecord> one(SqlDatabase db, String target, long runId) throws SQLException {
    PreparedStatement select = db.prepare(ONE);
    select.setLong(1, runId);
    select.setString(2, target);
    try (ResultSet rows = select.executeQuery()) {
      return rows.next() ? Optional.of(record(rows)) : Optional.empty();
    }
  }

  static @Nullable Instant lastFullRun(SqlDatabase db, String target) throws SQLException {
    PreparedStatement select = db.prepare(LAST_FULL);
    select.setString(1, target);
    try (ResultSet rows = select.executeQuery()) {
      String finishedAt = rows.next() ? rows.getString(1) : null;
      return finishedAt == null ? null : Columns.instant(finishedAt);
    }
  }

  /** The target a run belongs to, whichever it is; empty when there is no such run. */
  static Optional<String> targetOf(SqlDatabase db, long runId) throws SQLException {
    PreparedStatement select = db.prepare(TARGET_OF);
    select.setLong(1, runId);
    try (ResultSet rows = select.executeQuery()) {
      return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
    }
  }

  /**
   * The names of the targets that have a run or a link, sorted here (the same order whatever the
   * database's collation).
   */
  static List<String> targets(SqlDatabase db) throws SQLException {
    SortedSet<String> targets = new TreeSet<>();
    try (ResultSet rows = db.prepare(TARGETS).executeQuery()) {
      while (rows.next()) {
        targets.add(rows.getString(1));
      }
    }
    return List.copyOf(targets);
  }

  private static RunRecord record(ResultSet rows) throws SQLException {
    RunStart start =
        new RunStart(
            rows.getString("triggered_by"),
            rows.getInt("full_run") != 0,
            rows.getInt("dry_run") != 0,
            Columns.instant(rows, "started_at"));
    Instant finishedAt = Columns.nullableInstant(rows, "finished_at");
    RunSummary summary =
        finishedAt == null
            ? null
            : new RunSummary(
                RunStatus.valueOf(rows.getString("status")),
                rows.getInt("planned"),
                rows.getInt("applied"),
                rows.getInt("failed"),
                finishedAt,
                rows.getString("message"));
    return new RunRecord(rows.getLong("id"), start, summary);
  }
}
