package org.scimsync.service.ui.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunSummary;

/**
 * The chart of the last runs, oldest on the left: a bar per run for its changes (applied, failures
 * stacked on top) and a line through the durations, each scaled to its own maximum. Rendered as SVG
 * by the template, without script.
 */
final class RunChart {

  static final int WIDTH = 600;
  static final int HEIGHT = 120;
  private static final int PAD = 4;

  private RunChart() {}

  /** The chart of these runs, given newest first. */
  static Views.Chart of(List<TargetRun> newestFirst) {
    List<TargetRun> runs = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(runs);
    if (runs.isEmpty()) {
      return new Views.Chart(WIDTH, HEIGHT, List.of(), "", "0", "0 ms", true);
    }
    int maxChanges = 1;
    long maxMillis = 1;
    for (TargetRun each : runs) {
      RunRecord run = each.run();
      RunSummary summary = run.summary();
      if (summary != null) {
        maxChanges = Math.max(maxChanges, summary.applied() + summary.failed());
      }
      Duration duration = Display.duration(run);
      if (duration != null) {
        maxMillis = Math.max(maxMillis, duration.toMillis());
      }
    }
    // As many slots as the chart's runs, so that a few runs make narrow bars on the left.
    int slot = (WIDTH - 2 * PAD) / Math.max(runs.size(), HistoryPages.CHART_RUNS);
    int barWidth = Math.max(2, slot * 2 / 3);
    int plot = HEIGHT - 2 * PAD;
    List<Views.Bar> bars = new ArrayList<>();
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < runs.size(); i++) {
      RunRecord run = runs.get(i).run();
      RunSummary summary = run.summary();
      int applied = summary == null ? 0 : summary.applied();
      int failed = summary == null ? 0 : summary.failed();
      int x = PAD + i * slot + (slot - barWidth) / 2;
      int appliedHeight = applied * plot / maxChanges;
      int failedHeight = failed * plot / maxChanges;
      int appliedY = HEIGHT - PAD - appliedHeight;
      int failedY = appliedY - failedHeight;
      Duration duration = Display.duration(run);
      String title =
          String.format(
              Locale.ROOT,
              "run %d: %d applied, %d failed, %s; target %s",
              run.id(),
              applied,
              failed,
              duration == null ? "unfinished" : Display.duration(duration),
              runs.get(i).target());
      bars.add(
          new Views.Bar(
              Display.runHref(
                  run.id(), Display.linkTarget(runs.get(i).target(), runs.get(i).several())),
              title,
              x,
              barWidth,
              appliedY,
              appliedHeight,
              failedY,
              failedHeight));
      if (duration != null) {
        long y = HEIGHT - PAD - duration.toMillis() * plot / maxMillis;
        points
            .append(points.length() == 0 ? "" : " ")
            .append(x + barWidth / 2)
            .append(',')
            .append(y);
      }
    }
    return new Views.Chart(
        WIDTH,
        HEIGHT,
        List.copyOf(bars),
        points.toString(),
        Integer.toString(maxChanges),
        Display.duration(Duration.ofMillis(maxMillis)),
        false);
  }
}
