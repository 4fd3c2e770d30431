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
import org.scimsync.engine.state.StoredState;
import org.scimsync.service.ui.PageTarget;
import org.scimsync.service.ui.RunNotebook;
import org.scimsync.service.ui.RunNotes;
import org.scimsync.service.ui.StatusProbe;

/** The overview, the runs and one run, read from the state stores of the targets. */
public final class HistoryPages {

  /** Runs on one page of the runs table. */
  static final int PAGE_SIZE = 20;

  /** The deepest page: the table reads at most this many pages of history. */
  static final int MAX_PAGES = 50;

  /** Runs the overview searches for the last safety stop. */
  static final int GUARD_SEARCH = 200;

  /** Runs in the chart. */
  static final int CHART_RUNS = 30;

  private final List<PageTarget> targets;
  private final StatusProbe probe;
  private final RunNotebook notebook;

  /**
   * @param targets the targets, in the order of the overview; at least one
   */
  public HistoryPages(List<PageTarget> targets, StatusProbe probe, RunNotebook notebook) {
    this.targets = List.copyOf(targets);
    if (this.targets.isEmpty()) {
      throw new IllegalArgumentException("the status page needs at least one target");
    }
    this.probe = Objects.requireNonNull(probe, "probe");
    this.notebook = Objects.requireNonNull(notebook, "notebook");
  }

  /** The overview: one card per target. */
  public Views.Overview overview() {
    List<String> problems = probe.problems();
    String nextRun = probe.nextScheduledRun().map(Display::time).orElse("no schedule");
    List<Views.TargetCard> cards = new ArrayList<>();
    for (PageTarget target : targets) {
      cards.add(card(target, problems, nextRun));
    }
    return new Views.Overview(List.copyOf(cards));
  }

  private Views.TargetCard card(PageTarget target, List<String> allProblems, String nextRun) {
    List<String> problems = problemsOf(target.name(), allProblems);
    List<RunRecord> recent = target.store().recentRuns(GUARD_SEARCH);
    StoredState state = target.store().load();
    int memberships = state.memberships().values().stream().mapToInt(Set::size).sum();
    Views.GuardStop guard =
        recent.stream()
            .filter(
                run ->
                    run.summary() != null && run.summary().status() == RunStatus.STOPPED_BY_GUARD)
            .findFirst()
            .map(run -> guardStop(target, run))
            .orElse(null);
    return new Views.TargetCard(
        target.name(),
        target.displayName(),
        runsHref(0, several() ? target.name() : null),
        problems.isEmpty(),
        problems,
        recent.isEmpty() ? null : Display.run(recent.get(0), target.name(), several()),
        nextRun,
        state.users().size(),
        state.groups().size(),
        memberships,
        guard);
  }

  /**
   * The problems a target's card shows: the service's own, and those the service names this target
   * in ({@code "target aws: ..."}, shown without the prefix); never another target's.
   */
  static List<String> problemsOf(String target, List<String> problems) {
    String mine = "target " + target + ": ";
    List<String> shown = new ArrayList<>();
    for (String problem : problems) {
      if (problem.startsWith(mine)) {
        shown.add(problem.substring(mine.length()));
      } else if (!isAnotherTargets(problem)) {
        shown.add(problem);
      }
    }
    return List.copyOf(shown);
  }

  private static boolean isAnotherTargets(String problem) {
    return problem.matches("target [a-z0-9][a-z0-9-]*: .*");
  }

  private Views.GuardStop guardStop(PageTarget target, RunRecord run) {
    Optional<RunNotes> notes = notes(target, run.id());
    return new Views.GuardStop(
        Display.run(run, target.name(), several()),
        notes.map(RunNotes::withheld).orElse(List.of()),
        notes.isPresent());
  }

  /**
   * What a run's report said beyond its journal: from this process's notebook (run ids are unique
   * across targets), else from the target's history (runs of other processes, of cron, of an
   * earlier start).
   */
  private Optional<RunNotes> notes(PageTarget target, long runId) {
    Optional<RunNotes> noted = notebook.notes(runId);
    if (noted.isPresent()) {
      return noted;
    }
    return target
        .store()
        .runDetails(runId)
        .map(d -> new RunNotes(d.warnings(), d.withheld(), d.planText()));
  }

  /**
   * One page of the runs table (0 is the newest) with the chart of the latest runs: of every
   * target, newest first, or of {@code only}.
   */
  public Views.RunsPage runs(int page, @Nullable PageTarget only) {
    int index = Math.max(0, Math.min(page, MAX_PAGES - 1));
    int wanted = (index + 1) * PAGE_SIZE + 1;
    List<TargetRun> runs = new ArrayList<>();
    for (PageTarget target : targets) {
      if (only == null || only.name().equals(target.name())) {
        for (RunRecord run : target.store().recentRuns(wanted)) {
          runs.add(new TargetRun(target.name(), run, several()));
        }
      }
    }
    runs.sort(TargetRun.NEWEST_FIRST);
    int from = Math.min(index * PAGE_SIZE, runs.size());
    int to = Math.min(from + PAGE_SIZE, runs.size());
    List<Views.RunLine> lines = runs.subList(from, to).stream().map(TargetRun::line).toList();
    boolean older = runs.size() > to && index + 1 < MAX_PAGES;
    String filter = only == null ? null : only.name();
    return new Views.RunsPage(
        lines,
        RunChart.of(runs.subList(0, Math.min(CHART_RUNS, runs.size()))),
        index + 1,
        index == 0 ? null : runsHref(index - 1, filter),
        older ? runsHref(index + 1, filter) : null,
        filter == null ? "" : filter,
        filters(filter));
  }

  private List<Views.Filter> filters(@Nullable String current) {
    if (targets.size() < 2) {
      return List.of();
    }
    List<Views.Filter> filters = new ArrayList<>();
    filters.add(new Views.Filter("all targets", "/ui/runs", current == null));
    for (PageTarget target : targets) {
      filters.add(
          new Views.Filter(
              target.name(), runsHref(0, target.name()), target.name().equals(current)));
    }
    return List.copyOf(filters);
  }

  private static String runsHref(int page, @Nullable String target) {
    String filter = target == null ? "" : "target=" + target;
    if (page == 0) {
      return "/ui/runs" + (filter.isEmpty() ? "" : "?" + filter);
    }
    return "/ui/runs?page=" + page + (filter.isEmpty() ? "" : "&" + filter);
  }

  /**
   * One run with its changes, filtered by {@code query} (part of a user name, group name or source
   * key, any case): of the target {@code in}, or of the first target whose store has the run.
   */
  public Optional<Views.RunPage> run(long id, @Nullable PageTarget in, String query) {
    for (PageTarget target : targets) {
      if (in == null || in.name().equals(target.name())) {
        Optional<RunRecord> run = target.store().run(id);
        if (run.isPresent()) {
          return Optional.of(runPage(target, run.get(), query));
        }
      }
    }
    return Optional.empty();
  }

  private Views.RunPage runPage(PageTarget target, RunRecord run, String query) {
    List<JournalRecord> journal = target.store().journal(run.id());
    String needle = query.trim().toLowerCase(Locale.ROOT);
    List<Views.ChangeRow> rows = new ArrayList<>();
    int failures = 0;
    for (JournalRecord record : journal) {
      ChangeOutcome outcome = record.outcome();
      if (outcome != null && outcome.result() == ChangeOutcome.Result.FAILED) {
        failures++;
      }
      if (needle.isEmpty() || matches(record, needle)) {
        rows.add(Display.change(record, Display.linkTarget(target.name(), several())));
      }
    }
    @Nullable RunNotes notes = notes(target, run.id()).orElse(null);
    return new Views.RunPage(
        Display.run(run, target.name(), several()),
        target.displayName(),
        rows,
        journal.size(),
        failures,
        query.trim(),
        !needle.isEmpty(),
        notes != null,
        notes == null ? List.of() : notes.warnings(),
        notes == null ? List.of() : notes.withheld(),
        notes == null ? "" : notes.planText());
  }

  private boolean several() {
    return targets.size() > 1;
  }

  static boolean matches(JournalRecord record, String needle) {
    return record.entry().label().toLowerCase(Locale.ROOT).contains(needle)
        || record.entry().sourceKey().toLowerCase(Locale.ROOT).contains(needle);
  }
}
