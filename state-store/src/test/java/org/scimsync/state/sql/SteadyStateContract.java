package org.scimsync.state.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.SteadyState;

/** The steady state: recorded, kept across reopening, forgotten. */
public interface SteadyStateContract extends StateStoreFixture {

  Instant NOW = Instant.parse("2026-12-01T10:15:30.123456789Z");

  @Test
  default void aNewStoreHasNoSteadyState() {
    try (SqlStateStore store = reopen()) {
      assertThat(store.steadyState()).isEmpty();
    }
  }

  @Test
  default void theSteadyStateIsKeptAcrossReopeningUntilForgotten() {
    SteadyState first = new SteadyState("inputs-1", 7, 120, List.of("line 3: no mail"));
    SteadyState second = new SteadyState("inputs-2", 9, 121, List.of());
    try (SqlStateStore store = reopen()) {
      store.recordSteadyState(first);
    }

    try (SqlStateStore store = reopen()) {
      assertThat(store.steadyState()).contains(first);
      store.recordSteadyState(second);
      assertThat(store.steadyState()).contains(second);
      store.forgetSteadyState();
      assertThat(store.steadyState()).isEmpty();
      store.forgetSteadyState();
    }
    try (SqlStateStore store = reopen()) {
      assertThat(store.steadyState()).isEmpty();
    }
  }

  @Test
  default void aDamagedSteadyStateIsNone() throws Exception {
    try (SqlStateStore store = reopen()) {
      store.recordSteadyState(new SteadyState("inputs-1", 7, 120, List.of("a warning")));
    }
    try (Connection sqlite = connect();
        Statement statement = sqlite.createStatement()) {
      statement.execute("UPDATE steady_state SET warnings = 'not json'");
    }

    try (SqlStateStore store = reopen()) {
      assertThat(store.steadyState()).isEmpty();
      store.recordSteadyState(new SteadyState("inputs-2", 8, 120, List.of()));
      assertThat(store.steadyState().orElseThrow().runId()).isEqualTo(8);
    }
  }

  @Test
  default void theLastFullRunIsThatOfTheLoadedState() {
    try (SqlStateStore store = reopen()) {
      assertThat(store.lastFullRun()).isNull();
      long full = store.beginRun(new RunStart("cli", true, false, NOW));
      store.finishRun(full, new RunSummary(RunStatus.SUCCEEDED, 0, 0, 0, NOW.plusSeconds(5), null));
      long incremental = store.beginRun(new RunStart("cli", false, false, NOW.plusSeconds(60)));
      store.finishRun(
          incremental, new RunSummary(RunStatus.SUCCEEDED, 0, 0, 0, NOW.plusSeconds(61), null));

      assertThat(store.lastFullRun()).isEqualTo(NOW.plusSeconds(5));
      assertThat(store.lastFullRun()).isEqualTo(store.load().lastFullRun());
    }
  }
}
