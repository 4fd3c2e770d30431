package org.scimsync.state.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.SourceCheckpoint;

/** The directory's change checkpoint: none at first, replaced, kept across reopening. */
public interface SourceCheckpointContract extends StateStoreFixture {

  @Test
  default void aNewStoreHasNoCheckpoint() {
    try (SqlStateStore store = reopen()) {
      assertThat(store.sourceCheckpoint()).isEmpty();
    }
  }

  @Test
  default void theCheckpointIsReplacedAndKeptAcrossReopening() {
    SourceCheckpoint first = new SourceCheckpoint("inputs-1", "rid=000,csn=20261206");
    SourceCheckpoint second = new SourceCheckpoint("inputs-2", "usn:dc1:4711");
    try (SqlStateStore store = reopen()) {
      store.saveSourceCheckpoint(first);
      assertThat(store.sourceCheckpoint()).contains(first);
      store.saveSourceCheckpoint(second);
    }

    try (SqlStateStore store = reopen()) {
      assertThat(store.sourceCheckpoint()).contains(second);
    }
  }
}
