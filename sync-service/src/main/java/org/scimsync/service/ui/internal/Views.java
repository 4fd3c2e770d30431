package org.scimsync.service.ui.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the templates show: plain text and numbers, escaped by the template engine. Links are built
 * here from encoded path segments and always point into {@code /ui/}.
 */
public final class Views {

  private Views() {}

  /**
   * What every page shows around its content. Its names differ from those of the pages: a template
   * looks a name up in the page first.
   */
  public record Frame(
      String title,
      String user,
      String csrf,
      String searchText,
      @Nullable String notice,
      boolean several) {

    /** This frame with the search box showing {@code text}. */
    public Frame withSearch(String text) {
      return new Frame(title, user, csrf, text, notice, several);
    }
  }

  /** The overview: one card per target. */
  public record Overview(List<TargetCard> targets) {}

  /** One target on the overview: {@code name} in URLs and forms, {@code displayName} for people. */
  public record TargetCard(
      String name,
      String displayName,
      String runsHref,
      boolean healthy,
      List<String> problems,
      @Nullable RunLine lastRun,
      String nextRun,
      int users,
      int groups,
      int memberships,
      @Nullable GuardStop guardStop) {}

  /** The last run a safety guard stopped, and what it held back when that is known. */
  public record GuardStop(RunLine run, List<String> withheld, boolean withheldKnown) {}

  /** One run in a list, of the target named {@code target}. */
  public record RunLine(
      long id,
      String target,
      String href,
      String status,
      String statusClass,
      String startedAt,
      String trigger,
      String kind,
      String duration,
      int planned,
      int applied,
      int failed,
      String message) {}

  /**
   * The runs page: one page of runs (of every target, or of the one {@code target} names) and the
   * chart of the latest; {@code filters} lead to the runs of each target when there are several.
   */
  public record RunsPage(
      List<RunLine> runs,
      Chart chart,
      int page,
      @Nullable String newerHref,
      @Nullable String olderHref,
      String target,
      List<Filter> filters) {

    /** True when there are targets to choose from. */
    public boolean anyFilters() {
      return !filters.isEmpty();
    }
  }

  /** A link that shows the runs of one target, or of all ({@code current} when shown now). */
  public record Filter(String label, String href, boolean current) {}

  /** The bar chart of changes per run, with the durations as a line; coordinates in SVG units. */
  public record Chart(
      int width,
      int height,
      List<Bar> bars,
      String durationPoints,
      String maxChanges,
      String maxDuration,
      boolean empty) {}

  /** One run's bar: applied changes, and failures stacked on top. */
  public record Bar(
      String href,
      String title,
      int x,
      int width,
      int appliedY,
      int appliedHeight,
      int failedY,
      int failedHeight) {}

  /** One run with its changes. */
  public record RunPage(
      RunLine run,
      String targetDisplayName,
      List<ChangeRow> changes,
      int total,
      int failures,
      String query,
      boolean filtered,
      boolean notesKnown,
      List<String> warnings,
      List<String> withheld,
      String planText) {

    /** True when a safety guard held changes back. */
    public boolean anyWithheld() {
      return !withheld.isEmpty();
    }
  }

  /** One journaled change. */
  public record ChangeRow(
      long runId,
      String runHref,
      String change,
      String kind,
      String label,
      String href,
      String attributes,
      String outcome,
      String outcomeClass,
      String httpStatus,
      String error,
      String at) {}

  /** One user or group of the target named {@code target}. */
  public record ObjectPage(
      String target,
      String kind,
      String sourceKey,
      String label,
      boolean linked,
      String targetId,
      String syncedAt,
      boolean disabled,
      String contentHash,
      String pushed,
      String membershipsTitle,
      List<Ref> memberships,
      List<ChangeRow> changes,
      int runsSearched) {}

  /** A link to a user or group of the target named {@code target}. */
  public record Ref(
      String target, String kind, String label, String sourceKey, String href, String note) {}

  /** Search results, among the targets named in {@code targets}. */
  public record SearchPage(
      String query, List<Ref> results, boolean searched, int runsSearched, String targets) {}
}
