package org.scimsync.state.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What runs learned of the target. */
public interface TargetCapabilityContract extends StateStoreFixture {

  @Test
  default void whatWasLearnedOfTheTargetIsKeptAcrossReopeningAndReplacedWhole() {
    try (SqlStateStore store = reopen()) {
      assertThat(store.targetCapabilities()).isEmpty();
      store.saveTargetCapabilities(
          Map.of("membersOnCreate", "false", "maxMembersPerRequest", "20", "target", "t1"));
    }
    try (SqlStateStore store = reopen()) {
      assertThat(store.targetCapabilities())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("membersOnCreate", "false", "maxMembersPerRequest", "20", "target", "t1"));
      store.saveTargetCapabilities(Map.of("memberRemoval", "value-list"));
      assertThat(store.targetCapabilities())
          .containsExactlyEntriesOf(Map.of("memberRemoval", "value-list"));
    }
  }
}
