package org.scimsync.state.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.RunDetails;
import org.scimsync.engine.state.RunStart;

/** What a run's report said beyond its journal: kept per run, across reopening, cut when huge. */
public interface RunDetailsContract extends StateStoreFixture {

  @Test
  default void aRunsDetailsAreKeptAcrossReopening() {
    RunDetails details =
        new RunDetails(
            List.of("user zoe: displayName: 2 characters AWS refuses removed"),
            List.of("delete user mallory"),
            "plan: 1 change\n  delete user mallory\n");
    long runId;
    try (SqlStateStore store = reopen()) {
      runId = store.beginRun(new RunStart("schedule", false, false, Instant.EPOCH));
      assertThat(store.runDetails(runId)).isEmpty();
      store.saveRunDetails(runId, details);
    }

    try (SqlStateStore store = reopen()) {
      assertThat(store.runDetails(runId)).contains(details);
      assertThat(store.runDetails(runId + 1)).isEmpty();
    }
  }

  @Test
  default void aHugePlanIsCutWithALineSayingSo() {
    String line = "  update user someone@example.com: title\n";
    RunDetails details =
        new RunDetails(List.of(), List.of(), line.repeat(RunDetails.MAX_PLAN_CHARS / 10));
    try (SqlStateStore store = reopen()) {
      long runId = store.beginRun(new RunStart("schedule", true, false, Instant.EPOCH));
      store.saveRunDetails(runId, details);

      String kept = store.runDetails(runId).orElseThrow().planText();
      assertThat(kept.length()).isLessThan(RunDetails.MAX_PLAN_CHARS + 200);
      assertThat(kept).endsWith("(the journal has every change)\n");
    }
  }
}
