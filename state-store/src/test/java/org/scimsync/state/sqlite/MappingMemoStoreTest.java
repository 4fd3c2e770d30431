package org.scimsync.state.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.engine.state.MappingMemo;

class MappingMemoStoreTest {

  private static final MappingMemo.Entry ADA = new MappingMemo.Entry("fp-ada", "ada@x", "h-ada");
  private static final MappingMemo.Entry BOB = new MappingMemo.Entry("fp-bob", "bob@x", "h-bob");

  @TempDir Path dir;

  @Test
  void aNewStoreRemembersNothing() {
    try (SqliteStateStore store = SqliteStateStore.openInMemory()) {
      assertThat(store.mappingMemo("rules-1")).isEqualTo(MappingMemo.empty("rules-1"));
    }
  }

  @Test
  void theMemoIsKeptAcrossReopeningForTheSameRulesOnly() {
    Path file = dir.resolve("state.db");
    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      store.updateMappingMemo(
          new MappingMemo.Update("rules-1", Map.of("a", ADA, "b", BOB), Set.of()));
    }

    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      assertThat(store.mappingMemo("rules-1").users()).isEqualTo(Map.of("a", ADA, "b", BOB));
      assertThat(store.mappingMemo("rules-2").users()).isEmpty();
    }
  }

  @Test
  void anUpdateReplacesAndForgetsEntries() {
    try (SqliteStateStore store = SqliteStateStore.openInMemory()) {
      store.updateMappingMemo(
          new MappingMemo.Update("rules-1", Map.of("a", ADA, "b", BOB), Set.of()));
      MappingMemo.Entry changed = new MappingMemo.Entry("fp-ada-2", "ada@y", "h-ada-2");

      store.updateMappingMemo(
          new MappingMemo.Update("rules-1", Map.of("a", changed), Set.of("b", "unknown")));

      assertThat(store.mappingMemo("rules-1").users()).isEqualTo(Map.of("a", changed));
    }
  }

  @Test
  void anUpdateUnderOtherRulesForgetsEverythingRecordedUnderTheOldOnes() {
    try (SqliteStateStore store = SqliteStateStore.openInMemory()) {
      store.updateMappingMemo(
          new MappingMemo.Update("rules-1", Map.of("a", ADA, "b", BOB), Set.of()));

      store.updateMappingMemo(new MappingMemo.Update("rules-2", Map.of("b", BOB), Set.of()));

      assertThat(store.mappingMemo("rules-2").users()).isEqualTo(Map.of("b", BOB));
      assertThat(store.mappingMemo("rules-1").users()).isEmpty();
    }
  }

  @Test
  void theMemoIsInItsOwnTableBesideTheLinks() throws Exception {
    Path file = dir.resolve("state.db");
    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      store.updateMappingMemo(new MappingMemo.Update("rules-1", Map.of("a", ADA), Set.of()));
    }

    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThat(
              StateFileTest.query(
                  sqlite,
                  "SELECT source_key || ' ' || source_fingerprint || ' ' || user_name || ' '"
                      + " || content_hash FROM mapping_memo"))
          .containsExactly("a fp-ada ada@x h-ada");
      assertThat(
              StateFileTest.query(
                  sqlite, "SELECT value FROM store_meta WHERE name = 'mapping_rules'"))
          .containsExactly("rules-1");
    }
  }
}
