package org.scimsync.service.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.testing.InMemoryStateStore;
import org.scimsync.service.ui.PageTarget;
import org.scimsync.service.ui.RunNotebook;
import org.scimsync.service.ui.RunNotes;
import org.scimsync.service.ui.StatusProbe;

/** The runs table's pages, the chart's scale, and the overview's guard stop. */
class HistoryPagesTest {

  private final InMemoryStateStore store = new InMemoryStateStore();
  private final RunNotebook notebook = new RunNotebook();
  private final HistoryPages pages =
      new HistoryPages(
          List.of(new PageTarget("default", "target", store)),
          new StatusProbe() {
            @Override
            public List<String> problems() {
              return List.of("the last run (7) could not reach the source or the target");
            }

            @Override
            public Optional<Instant> nextScheduledRun() {
              return Optional.empty();
            }

            @Override
            public Optional<Long> requestRun(@Nullable String target, boolean full) {
              return Optional.empty();
            }
          },
          notebook);

  private long run(RunStatus status, int applied, int failed, long seconds) {
    Instant start =
        Instant.parse("2026-12-01T00:00:00Z").plusSeconds(3600L * store.recentRuns(1000).size());
    long id = store.beginRun(new RunStart("schedule", false, false, start));
    store.finishRun(
        id,
        new RunSummary(
            status, applied + failed, applied, failed, start.plusSeconds(seconds), null));
    return id;
  }

  @Test
  void theTableShowsTwentyRunsAPageNewestFirstWithLinksBothWays() {
    for (int i = 0; i < 45; i++) {
      run(RunStatus.SUCCEEDED, i, 0, 1);
    }
    Views.RunsPage first = pages.runs(0, null);
    assertThat(first.runs()).hasSize(HistoryPages.PAGE_SIZE);
    assertThat(first.runs().get(0).id()).isEqualTo(45);
    assertThat(first.newerHref()).isNull();
    assertThat(first.olderHref()).isEqualTo("/ui/runs?page=1");
    Views.RunsPage last = pages.runs(2, null);
    assertThat(last.runs()).extracting(Views.RunLine::id).containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(last.newerHref()).isEqualTo("/ui/runs?page=1");
    assertThat(last.olderHref()).isNull();
    assertThat(pages.runs(3, null).runs()).isEmpty();
  }

  @Test
  void theChartScalesChangesAndDurationsToTheirMaximaOldestFirst() {
    run(RunStatus.SUCCEEDED, 10, 0, 2);
    run(RunStatus.PARTIAL, 30, 10, 8);
    Views.Chart chart = pages.runs(0, null).chart();
    assertThat(chart.bars()).hasSize(2);
    Views.Bar older = chart.bars().get(0);
    Views.Bar newer = chart.bars().get(1);
    assertThat(older.title()).startsWith("run 1: 10 applied, 0 failed");
    assertThat(newer.appliedHeight() + newer.failedHeight())
        .isEqualTo(RunChart.HEIGHT - 8)
        .isGreaterThan(older.appliedHeight() * 3);
    assertThat(newer.failedY() + newer.failedHeight()).isEqualTo(newer.appliedY());
    assertThat(chart.maxChanges()).isEqualTo("40");
    assertThat(chart.maxDuration()).isEqualTo("8.0 s");
    assertThat(chart.durationPoints().split(" ")).hasSize(2);
  }

  @Test
  void eachCardShowsTheServicesProblemsAndItsOwnButNeverAnotherTargets() {
    List<String> problems =
        List.of(
            "shutting down",
            "target aws: the last run (3) could not reach the source or the target",
            "target slack: the last run (4) could not reach the source or the target");

    assertThat(HistoryPages.problemsOf("aws", problems))
        .containsExactly(
            "shutting down", "the last run (3) could not reach the source or the target");
    assertThat(HistoryPages.problemsOf("slack", problems))
        .containsExactly(
            "shutting down", "the last run (4) could not reach the source or the target");
    assertThat(HistoryPages.problemsOf("github", problems)).containsExactly("shutting down");
  }

  @Test
  void theOverviewShowsTheProblemsAndTheLastGuardStopWithWhatItHeldBack() {
    long stopped = run(RunStatus.STOPPED_BY_GUARD, 0, 0, 1);
    run(RunStatus.SUCCEEDED, 1, 0, 1);
    notebook.record(stopped, new RunNotes(List.of(), List.of("delete user mallory"), ""));
    Views.TargetCard card = pages.overview().targets().get(0);
    assertThat(card.healthy()).isFalse();
    assertThat(card.problems()).hasSize(1);
    assertThat(card.lastRun().id()).isEqualTo(2);
    assertThat(card.nextRun()).isEqualTo("no schedule");
    assertThat(card.guardStop().run().id()).isEqualTo(stopped);
    assertThat(card.guardStop().withheldKnown()).isTrue();
    assertThat(card.guardStop().withheld()).containsExactly("delete user mallory");
  }

  @Test
  void aGuardStopOfAnotherProcessIsShownFromTheHistory() {
    long stopped = run(RunStatus.STOPPED_BY_GUARD, 0, 0, 1);
    store.saveRunDetails(
        stopped,
        new org.scimsync.engine.state.RunDetails(
            List.of("user zoe: title: 1 character AWS refuses removed"),
            List.of("delete user mallory"),
            "plan: 1 change\n"));

    Views.TargetCard card = pages.overview().targets().get(0);

    assertThat(card.guardStop().withheldKnown()).isTrue();
    assertThat(card.guardStop().withheld()).containsExactly("delete user mallory");
    assertThat(pages.run(stopped, null, "").orElseThrow().warnings())
        .containsExactly("user zoe: title: 1 character AWS refuses removed");
  }
}
