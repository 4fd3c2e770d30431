package org.scimsync.service.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StoredState;
import org.scimsync.service.ui.RunNotebook;
import org.scimsync.service.ui.RunNotes;
import org.scimsync.service.ui.StatusProbe;

/** The overview, the runs and one run, read from the state store. */
public final class HistoryPages {

  /** Runs on one page of the runs table. */
  static final int PAGE_SIZE = 20;

  /** The deepest page: the table reads at most this many pages of history. */
  static final int MAX_PAGES = 50;

  /** Runs the overview searches for the last safety stop. */
  static final int GUARD_SEARCH = 200;

  /** Runs in the chart. */
  static final int CHART_RUNS = 30;

  private final StateStore store;
  private final StatusProbe probe;
  private final RunNotebook notebook;
  private final String targetName;

  public HistoryPages(
      StateStore store, StatusProbe probe, RunNotebook notebook, String targetName) {
    this.store = Objects.requireNonNull(store, "store");
    this.probe = Objects.requireNonNull(probe, "probe");
    this.notebook = Objects.requireNonNull(notebook, "notebook");
    this.targetName = Objects.requireNonNull(targetName, "targetName");
  }

  /** The overview of every target (one today). */
  public Views.Overview overview() {
    List<String> problems = probe.problems();
    List<RunRecord> recent = store.recentRuns(GUARD_SEARCH);
    StoredState state = store.load();
    int memberships = state.memberships().values().stream().mapToInt(Set::size).sum();
    Views.GuardStop guard =
        recent.stream()
            .filter(
                run ->
                    run.summary() != null && run.summary().status() == RunStatus.STOPPED_BY_GUARD)
            .findFirst()
            .map(this::guardStop)
            .orElse(null);
    Views.TargetCard card =
        new Views.TargetCard(
            "1",
            targetName,
            problems.isEmpty(),
            problems,
            recent.isEmpty() ? null : Display.run(recent.get(0)),
            probe.nextScheduledRun().map(Display::time).orElse("no schedule"),
            state.users().size(),
            state.groups().size(),
            memberships,
            guard);
    return new Views.Overview(List.of(card));
  }

  private Views.GuardStop guardStop(RunRecord run) {
    Optional<RunNotes> notes = notes(run.id());
    return new Views.GuardStop(
        Display.run(run), notes.map(RunNotes::withheld).orElse(List.of()), notes.isPresent());
  }

  /**
   * What a run's report said beyond its journal: from this process's notebook, else from the
   * history (runs of other processes, of cron, of an earlier start).
   */
  private Optional<RunNotes> notes(long runId) {
    Optional<RunNotes> noted = notebook.notes(runId);
    if (noted.isPresent()) {
      return noted;
    }
    return store.runDetails(runId).map(d -> new RunNotes(d.warnings(), d.withheld(), d.planText()));
  }

  /** One page of the runs table (0 is the newest), with the chart of the latest runs. */
  public Views.RunsPage runs(int page) {
    int index = Math.max(0, Math.min(page, MAX_PAGES - 1));
    List<RunRecord> runs = store.recentRuns((index + 1) * PAGE_SIZE + 1);
    int from = Math.min(index * PAGE_SIZE, runs.size());
    int to = Math.min(from + PAGE_SIZE, runs.size());
    List<Views.RunLine> lines = runs.subList(from, to).stream().map(Display::run).toList();
    boolean older = runs.size() > to && index + 1 < MAX_PAGES;
    return new Views.RunsPage(
        lines,
        RunChart.of(runs.subList(0, Math.min(CHART_RUNS, runs.size()))),
        index + 1,
        index == 0 ? null : "/ui/runs?page=" + (index - 1),
        older ? "/ui/runs?page=" + (index + 1) : null);
  }

  /**
   * One run with its changes, filtered by {@code query} (part of a user name, group name or source
   * key, any case).
   */
  public Optional<Views.RunPage> run(long id, String query) {
    Optional<RunRecord> run = store.run(id);
    if (run.isEmpty()) {
      return Optional.empty();
    }
    List<JournalRecord> journal = store.journal(id);
    String needle = query.trim().toLowerCase(Locale.ROOT);
    List<Views.ChangeRow> rows = new ArrayList<>();
    int failures = 0;
    for (JournalRecord record : journal) {
      ChangeOutcome outcome = record.outcome();
      if (outcome != null && outcome.result() == ChangeOutcome.Result.FAILED) {
        failures++;
      }
      if (needle.isEmpty() || matches(record, needle)) {
        rows.add(Display.change(record));
      }
    }
    @Nullable RunNotes notes = notes(id).orElse(null);
    return Optional.of(
        new Views.RunPage(
            Display.run(run.get()),
            rows,
            journal.size(),
            failures,
            query.trim(),
            !needle.isEmpty(),
            notes != null,
            notes == null ? List.of() : notes.warnings(),
            notes == null ? List.of() : notes.withheld(),
            notes == null ? "" : notes.planText()));
  }

  static boolean matches(JournalRecord record, String needle) {
    return record.entry().label().toLowerCase(Locale.ROOT).contains(needle)
        || record.entry().sourceKey().toLowerCase(Locale.ROOT).contains(needle);
  }
}
