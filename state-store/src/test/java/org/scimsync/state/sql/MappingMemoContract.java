package org.scimsync.state.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.MappingMemo;

/** The mapping memo: kept for the same rules only. */
public interface MappingMemoContract extends StateStoreFixture {

  MappingMemo.Entry ADA = new MappingMemo.Entry("fp-ada", "ada@x", "h-ada");
  MappingMemo.Entry BOB = new MappingMemo.Entry("fp-bob", "bob@x", "h-bob");

  @Test
  default void aNewStoreRemembersNothing() {
    try (SqlStateStore store = reopen()) {
      assertThat(store.mappingMemo("rules-1")).isEqualTo(MappingMemo.empty("rules-1"));
    }
  }

  @Test
  default void theMemoIsKeptAcrossReopeningForTheSameRulesOnly() {
    try (SqlStateStore store = reopen()) {
      store.updateMappingMemo(
          new MappingMemo.Update("rules-1", Map.of("a", ADA, "b", BOB), Set.of()));
    }

    try (SqlStateStore store = reopen()) {
      assertThat(store.mappingMemo("rules-1").users()).isEqualTo(Map.of("a", ADA, "b", BOB));
      assertThat(store.mappingMemo("rules-2").users()).isEmpty();
    }
  }

  @Test
  default void anUpdateReplacesAndForgetsEntries() {
    try (SqlStateStore store = reopen()) {
      store.updateMappingMemo(
          new MappingMemo.Update("rules-1", Map.of("a", ADA, "b", BOB), Set.of()));
      MappingMemo.Entry changed = new MappingMemo.Entry("fp-ada-2", "ada@y", "h-ada-2");

      store.updateMappingMemo(
          new MappingMemo.Update("rules-1", Map.of("a", changed), Set.of("b", "unknown")));

      assertThat(store.mappingMemo("rules-1").users()).isEqualTo(Map.of("a", changed));
    }
  }

  @Test
  default void anUpdateUnderOtherRulesForgetsEverythingRecordedUnderTheOldOnes() {
    try (SqlStateStore store = reopen()) {
      store.updateMappingMemo(
          new MappingMemo.Update("rules-1", Map.of("a", ADA, "b", BOB), Set.of()));

      store.updateMappingMemo(new MappingMemo.Update("rules-2", Map.of("b", BOB), Set.of()));

      assertThat(store.mappingMemo("rules-2").users()).isEqualTo(Map.of("b", BOB));
      assertThat(store.mappingMemo("rules-1").users()).isEmpty();
    }
  }

  @Test
  default void theMemoIsInItsOwnTableBesideTheLinks() throws Exception {
    try (SqlStateStore store = reopen()) {
      store.updateMappingMemo(new MappingMemo.Update("rules-1", Map.of("a", ADA), Set.of()));
    }

    try (Connection sqlite = connect()) {
      assertThat(
              StateStoreFixture.query(
                  sqlite,
                  "SELECT source_key || ' ' || source_fingerprint || ' ' || user_name || ' '"
                      + " || content_hash FROM mapping_memo"))
          .containsExactly("a fp-ada ada@x h-ada");
      assertThat(
              StateStoreFixture.query(
                  sqlite, "SELECT target || ' ' || fingerprint FROM mapping_rules"))
          .containsExactly("default rules-1");
      assertThat(
              StateStoreFixture.query(
                  sqlite, "SELECT value FROM store_meta WHERE name = 'mapping_rules'"))
          .isEmpty();
    }
  }
}
