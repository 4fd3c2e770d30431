package org.scimsync.state.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetCapabilityStoreTest {

  @TempDir Path dir;

  @Test
  void whatWasLearnedOfTheTargetIsKeptAcrossReopeningAndReplacedWhole() {
    Path file = dir.resolve("state.db");
    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      assertThat(store.targetCapabilities()).isEmpty();
      store.saveTargetCapabilities(
          Map.of("membersOnCreate", "false", "maxMembersPerRequest", "20", "target", "t1"));
    }
    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      assertThat(store.targetCapabilities())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("membersOnCreate", "false", "maxMembersPerRequest", "20", "target", "t1"));
      store.saveTargetCapabilities(Map.of("memberRemoval", "value-list"));
      assertThat(store.targetCapabilities())
          .containsExactlyEntriesOf(Map.of("memberRemoval", "value-list"));
    }
  }
}
