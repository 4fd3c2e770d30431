package org.scimsync.state.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunDetails;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.SourceCheckpoint;
import org.scimsync.engine.state.SteadyState;
import org.scimsync.engine.state.StoredState;

/**
 * The state file written by scim-sync 9cf8a8c at schema 8 ({@code upgrade/state-v8.db}, see the
 * README beside it), and what a store of schema 9 must find in it.
 */
public final class StateV8 {

  /** The tables of schema 8 that hold state, parents first. */
  private static final List<String> TABLES =
      List.of(
          "run",
          "journal",
          "run_details",
          "link",
          "membership",
          "mapping_memo",
          "steady_state",
          "target_capability",
          "source_checkpoint");

  private static final Instant T = Instant.parse("2026-12-01T08:00:00.000000001Z");

  private StateV8() {}

  /** Copies the file into {@code dir} and returns the copy. */
  public static Path copyTo(Path dir) throws IOException {
    Path file = dir.resolve("state-v8.db");
    try (InputStream in = StateV8.class.getResourceAsStream("/upgrade/state-v8.db")) {
      assertThat(in).as("the resource upgrade/state-v8.db").isNotNull();
      Files.copy(in, file);
    }
    return file;
  }

  /**
   * Copies every row of the file's state tables, as they are, into a database at schema 8 (the
   * rules fingerprint of store_meta included), and moves its id sequences past the copied ids.
   */
  public static void copyRows(Connection from, Connection to) throws SQLException {
    for (String table : TABLES) {
      copy(from, to, "SELECT * FROM " + table, table);
    }
    copy(from, to, "SELECT * FROM store_meta WHERE name = 'mapping_rules'", "store_meta");
    try (Statement statement = to.createStatement()) {
      for (String table : List.of("run", "journal")) {
        statement.execute(
            "SELECT setval(pg_get_serial_sequence('"
                + table
                + "', 'id'), (SELECT max(id) FROM "
                + table
                + "))");
      }
    }
  }

  private static void copy(Connection from, Connection to, String select, String table)
      throws SQLException {
    try (Statement statement = from.createStatement();
        ResultSet rows = statement.executeQuery(select)) {
      ResultSetMetaData meta = rows.getMetaData();
      int columns = meta.getColumnCount();
      StringBuilder names = new StringBuilder();
      StringBuilder marks = new StringBuilder();
      for (int c = 1; c <= columns; c++) {
        names.append(c == 1 ? "" : ", ").append(meta.getColumnName(c));
        marks.append(c == 1 ? "?" : ", ?");
      }
      try (PreparedStatement insert =
          to.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
        while (rows.next()) {
          for (int c = 1; c <= columns; c++) {
            insert.setObject(c, rows.getObject(c));
          }
          insert.executeUpdate();
        }
      }
    }
  }

  /** Everything the file held, as the state of the store's target. */
  public static void assertHeldBy(SqlStateStore store) {
    StoredState state = store.load();
    assertThat(state.users())
        .containsOnly(
            Map.entry("uid=alice", link(ObjectKind.USER, "alice", "t-alice", false)),
            Map.entry("uid=bob", link(ObjectKind.USER, "bob", "t-bob", false)),
            Map.entry("uid=carol", link(ObjectKind.USER, "carol", "t-carol", true)));
    assertThat(state.groups())
        .containsOnly(
            Map.entry("cn=admins", link(ObjectKind.GROUP, "admins", "g-admins", false)),
            Map.entry("cn=ops", link(ObjectKind.GROUP, "ops", "g-ops", false)));
    assertThat(state.memberships())
        .containsOnly(
            Map.entry("cn=admins", Set.of("uid=alice", "uid=bob")),
            Map.entry("cn=ops", Set.of("uid=bob", "uid=carol")));
    assertThat(state.lastFullRun()).isEqualTo(T.plusSeconds(30));
    assertThat(store.pushedResources(ObjectKind.USER, List.of("uid=alice", "uid=bob")))
        .containsOnlyKeys("uid=alice")
        .hasEntrySatisfying(
            "uid=alice",
            r -> assertThat(r.toString()).isEqualTo("{\"active\":true,\"userName\":\"alice\"}"));
    assertThat(store.pushedResources(ObjectKind.GROUP, List.of("cn=admins", "cn=ops")))
        .containsOnlyKeys("cn=admins");

    List<RunRecord> runs = store.recentRuns(10);
    assertThat(runs).extracting(RunRecord::id).containsExactly(3L, 2L, 1L);
    assertThat(runs.get(2).summary().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(runs.get(1).summary().message()).isEqualTo("1 change failed");
    assertThat(runs.get(0).summary()).isNull();
    assertThat(store.run(2).orElseThrow().start().trigger()).isEqualTo("schedule");

    assertThat(store.journal(1))
        .singleElement()
        .satisfies(r -> assertThat(r.outcome().result()).isEqualTo(ChangeOutcome.Result.APPLIED));
    assertThat(store.journal(2))
        .singleElement()
        .satisfies(r -> assertThat(r.outcome().error()).isEqualTo("refused"));
    List<JournalRecord> unfinished = store.unfinishedChanges();
    assertThat(unfinished).singleElement().satisfies(r -> assertThat(r.runId()).isEqualTo(3));
    assertThat(unfinished.get(0).entry().sourceKey()).isEqualTo("uid=erin");

    assertThat(store.runDetails(1))
        .contains(new RunDetails(List.of("line 7: no mail"), List.of(), "CREATE_USER alice\n"));
    assertThat(store.runDetails(2))
        .contains(new RunDetails(List.of(), List.of("DELETE_USER dave"), "PATCH_USER bob\n"));
    assertThat(store.runDetails(3)).isEmpty();

    assertThat(store.mappingMemo("rules-v8").users()).containsOnlyKeys("uid=alice", "uid=bob");
    assertThat(store.mappingMemo("rules-v9").users()).isEmpty();
    assertThat(store.steadyState())
        .contains(new SteadyState("inputs-v8", 2, 5, List.of("line 7: no mail")));
    assertThat(store.targetCapabilities())
        .containsExactly(Map.entry("memberLimit", "100"), Map.entry("membersOnCreate", "false"));
    assertThat(store.sourceCheckpoint()).contains(new SourceCheckpoint("inputs-v8", "cookie-v8"));
  }

  /** Nothing of what the file held, as the state of another target. */
  public static void assertNoneHeldBy(SqlStateStore other) {
    assertThat(other.load()).isEqualTo(StoredState.empty());
    assertThat(other.pushedResources(ObjectKind.USER, List.of("uid=alice"))).isEmpty();
    assertThat(other.recentRuns(10)).isEmpty();
    assertThat(other.run(1)).isEmpty();
    assertThat(other.journal(1)).isEmpty();
    assertThat(other.unfinishedChanges()).isEmpty();
    assertThat(other.runDetails(1)).isEmpty();
    assertThat(other.mappingMemo("rules-v8").users()).isEmpty();
    assertThat(other.steadyState()).isEmpty();
    assertThat(other.targetCapabilities()).isEmpty();
    assertThat(other.sourceCheckpoint()).isEmpty();
  }

  private static Link link(ObjectKind kind, String name, String targetId, boolean disabled) {
    String key = (kind == ObjectKind.USER ? "uid=" : "cn=") + name;
    return new Link(kind, key, targetId, "hash-" + name, disabled, T);
  }
}
