package org.scimsync.state.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.engine.state.RunStart;
import org.scimsync.state.sql.SqlStateStore;
import org.scimsync.state.sql.StateStoreFixture;
import org.scimsync.state.sql.StateV8;

/** A state file written at schema 8 (scim-sync 9cf8a8c) is the state of target default at 9. */
class UpgradeFromV8Test {

  @TempDir Path dir;

  @Test
  void everythingAStateFileOfSchemaEightHeldIsTheStateOfTheDefaultTarget() throws Exception {
    Path file = StateV8.copyTo(dir);
    try (Connection before = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThat(StateStoreFixture.query(before, "SELECT max(version) FROM flyway_schema_history"))
          .containsExactly("8");
    }

    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      StateV8.assertHeldBy(store);
      SqlStateStore slack = store.forTarget("slack");
      StateV8.assertNoneHeldBy(slack);
      assertThat(store.targetsWithState()).containsExactly("default");
      assertThat(slack.beginRun(new RunStart("cli", true, false, Instant.now()))).isEqualTo(4);
    }

    try (SqliteStateStore reopened = SqliteStateStore.open(file);
        Connection after = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      StateV8.assertHeldBy(reopened);
      assertThat(
              StateStoreFixture.query(
                  after, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
          .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
      assertThat(
              StateStoreFixture.query(
                  after,
                  "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%WITHOUT"
                      + " ROWID' ORDER BY name"))
          .containsExactly("link", "mapping_memo", "mapping_rules", "membership", "store_meta");
      assertThat(StateStoreFixture.query(after, "PRAGMA foreign_key_check")).isEmpty();
      assertThat(StateStoreFixture.query(after, "PRAGMA integrity_check")).containsExactly("ok");
    }
  }
}
