package org.scimsync.bench.internal;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.scimsync.bench.BenchmarkResults;
import org.scimsync.bench.BenchmarkSettings;
import org.scimsync.bench.ScenarioResult;

/** Renders {@link BenchmarkResults} as a markdown table. */
public final class ResultsTable {

  private ResultsTable() {}

  /** The heading line and one table row per scenario. */
  public static String render(BenchmarkResults results) {
    BenchmarkSettings s = results.settings();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "**%d users, %d groups (seed %d) -> %d users, %d groups, %d memberships in the target;"
                + " quotas %.0f reads/s and %.0f writes/s per API, latency %d ms; sync JVM -Xmx%s;"
                + " %d CPUs, load %.1f at start and %.1f at end.** Change scenario: %d users"
                + " retitled, %d memberships moved in %d groups.%n%n",
            s.users(),
            s.groups(),
            s.seed(),
            results.targetUsers(),
            results.targetGroups(),
            results.targetMemberships(),
            s.readsPerSecond(),
            s.writesPerSecond(),
            s.latency().toMillis(),
            s.syncHeap(),
            results.machine().processors(),
            results.machine().loadAverageAtStart(),
            results.machine().loadAverageAtEnd(),
            results.change().usersChanged(),
            results.change().membershipsMoved(),
            results.change().groupsChanged()));
    if (s.initialScale() != s.scale()) {
      BenchmarkSettings initial = s.initial();
      out.append(
          String.format(
              Locale.ROOT,
              "The initial sync ran at quotas x%d (%.0f reads/s, %.0f writes/s, latency %.1f ms);"
                  + " its bound is computed at those quotas.%n%n",
              initial.scale(),
              initial.readsPerSecond(),
              initial.writesPerSecond(),
              initial.latency().toNanos() / 1e6));
    }
    out.append(
        "| scenario | wall s | bound s (limiting API) | wall/bound | requests by API (needed) |"
            + " 429s | writes / needed | reads / needed | peak heap MB (max live) | CPU s |\n");
    out.append("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (ScenarioResult r : results.scenarios()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f (%s) | %s | %s | %d | %d / %d | %d / %d | %d (%d) | %.1f |%n",
              r.name(),
              r.wallSeconds(),
              r.boundSeconds(),
              r.limitingApi(),
              r.boundSeconds() > 0 ? String.format(Locale.ROOT, "%.2f", r.ratio()) : "n/a",
              requests(r.requestsByApi(), r.neededByApi()),
              r.throttled(),
              r.writes(),
              r.neededWrites(),
              r.reads(),
              r.neededReads(),
              r.measurement().peakHeapBytes() >> 20,
              r.measurement().maxLiveHeapBytes() >> 20,
              r.measurement().cpuMillis() / 1000.0));
    }
    return out.toString();
  }

  private static String requests(Map<String, Long> received, Map<String, Long> needed) {
    if (received.isEmpty() && needed.isEmpty()) {
      return "none";
    }
    java.util.TreeSet<String> apis = new java.util.TreeSet<>(received.keySet());
    apis.addAll(needed.keySet());
    return apis.stream()
        .map(
            api ->
                api
                    + " "
                    + received.getOrDefault(api, 0L)
                    + " ("
                    + needed.getOrDefault(api, 0L)
                    + ")")
        .collect(Collectors.joining(", "));
  }
}
