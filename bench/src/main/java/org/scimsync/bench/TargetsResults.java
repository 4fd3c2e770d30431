package org.scimsync.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.scimsync.bench.internal.CliSyncMeasurement;
import org.scimsync.bench.internal.RequestFloor;

/**
 * The results of the several-targets benchmark: one {@link Run} per {@code scim-sync sync} of all
 * targets, each with one {@link TargetResult} per target.
 *
 * @param settings what was measured against
 * @param machine where it ran
 * @param startedAt when the benchmark started
 * @param finishedAt when it finished (so far)
 * @param runs the runs in the order they ran
 */
public record TargetsResults(
    TargetsSettings settings,
    BenchmarkResults.Machine machine,
    Instant startedAt,
    Instant finishedAt,
    List<Run> runs) {

  /** Copies. */
  public TargetsResults {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(machine, "machine");
    runs = List.copyOf(runs);
  }

  /**
   * One {@code scim-sync sync} of every target at once, in a JVM of its own.
   *
   * @param name the scenario
   * @param full whether the targets had to be listed (the floor counts the pages)
   * @param directoryReads reads of the directory the command reported (1 when shared)
   * @param exitCode the command's exit code
   * @param process what the sync process measured (heap, CPU, the whole command's time)
   * @param targets one result per target
   */
  public record Run(
      String name,
      boolean full,
      int directoryReads,
      int exitCode,
      CliSyncMeasurement process,
      List<TargetResult> targets) {

    /** Copies. */
    public Run {
      targets = List.copyOf(targets);
    }

    /**
     * The result of the target of this name.
     *
     * @throws NoSuchElementException if there is none
     */
    public TargetResult target(String targetName) {
      return targets.stream()
          .filter(t -> t.target().equals(targetName))
          .findFirst()
          .orElseThrow(() -> new NoSuchElementException("no target " + targetName));
    }
  }

  /**
   * One target's part of a run.
   *
   * @param target its name
   * @param scale its quotas as a multiple of AWS's
   * @param readsPerSecond the quota of each read API
   * @param writesPerSecond the quota of each write API
   * @param latencyMillis its emulator's latency
   * @param usersAfter users in its emulator after the run
   * @param groupsAfter groups in its emulator after the run
   * @param status its run's status (or {@code ERROR})
   * @param exitCode its exit code
   * @param wallSeconds its run's plan and apply durations, from its report
   * @param planSeconds its report's plan duration (reading, which waits for the shared read,
   *     mapping, listing the target, planning)
   * @param applySeconds its report's apply duration
   * @param boundSeconds the floor its quotas set for the strictly needed requests
   * @param limitingApi the API with the longest floor
   * @param ratio wall / bound; 0 when the bound is 0
   * @param requestsByApi requests its emulator received, by API
   * @param neededByApi strictly needed requests, by API
   * @param throttled requests answered 429
   * @param writes write requests received
   * @param neededWrites strictly needed writes
   * @param reads read requests received
   * @param neededReads strictly needed reads
   * @param message its report's message or its error, if any
   */
  public record TargetResult(
      String target,
      int scale,
      double readsPerSecond,
      double writesPerSecond,
      double latencyMillis,
      int usersAfter,
      int groupsAfter,
      String status,
      int exitCode,
      double wallSeconds,
      double planSeconds,
      double applySeconds,
      double boundSeconds,
      String limitingApi,
      double ratio,
      Map<String, Long> requestsByApi,
      Map<String, Long> neededByApi,
      long throttled,
      long writes,
      long neededWrites,
      long reads,
      long neededReads,
      @Nullable String message) {

    /** Copies. */
    public TargetResult {
      requestsByApi = Map.copyOf(requestsByApi);
      neededByApi = Map.copyOf(neededByApi);
    }

    /** Combines the emulator's counts with the floor and the target's report. */
    static TargetResult of(
        TargetsSettings.Target target,
        int usersAfter,
        int groupsAfter,
        String status,
        int exitCode,
        double planSeconds,
        double applySeconds,
        Map<String, Long> requestsByApi,
        long throttled,
        long writes,
        RequestFloor.Floor floor,
        @Nullable String message) {
      long total = requestsByApi.values().stream().mapToLong(Long::longValue).sum();
      return new TargetResult(
          target.name(),
          target.scale(),
          target.readsPerSecond(),
          target.writesPerSecond(),
          target.latency().toNanos() / 1e6,
          usersAfter,
          groupsAfter,
          status,
          exitCode,
          planSeconds + applySeconds,
          planSeconds,
          applySeconds,
          floor.boundSeconds(),
          floor.limitingApi(),
          floor.boundSeconds() > 0 ? (planSeconds + applySeconds) / floor.boundSeconds() : 0,
          requestsByApi,
          floor.needed(),
          throttled,
          writes,
          floor.neededWrites(),
          total - writes,
          floor.neededReads(),
          message);
    }
  }

  /**
   * The run of this name.
   *
   * @throws NoSuchElementException if it did not run
   */
  public Run run(String name) {
    return runs.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no run " + name));
  }

  /** The results as JSON. */
  public String toJson() {
    return BenchmarkResults.json(this);
  }

  /** The results as markdown: a heading line, then a line and a table per run. */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%d users, %d groups, %d targets (%s), %s; %d CPUs, load %.1f → %.1f, %s to %s%n%n",
            settings.users(),
            settings.groups(),
            settings.scales().size(),
            settings.scales().stream().map(s -> "x" + s).collect(Collectors.joining(", ")),
            settings.sameScope() ? "every target the whole directory" : "a share each",
            machine.processors(),
            machine.loadAverageAtStart(),
            machine.loadAverageAtEnd(),
            startedAt,
            finishedAt));
    for (Run run : runs) {
      CliSyncMeasurement process = run.process();
      out.append(
          String.format(
              Locale.ROOT,
              "**%s**: directory reads %d, exit %d, command %.1f s, peak heap %d MB (max live %d"
                  + " MB) of %d MB, CPU %.1f s%n%n",
              run.name(),
              run.directoryReads(),
              run.exitCode(),
              process.commandMillis() / 1000.0,
              process.peakHeapBytes() >> 20,
              process.maxLiveHeapBytes() >> 20,
              process.maxHeapBytes() >> 20,
              process.cpuMillis() / 1000.0));
      out.append(
          "| target | quotas r/w per s | latency ms | users / groups | status | wall s (plan +"
              + " apply) | bound s (limiting API) | wall/bound | requests by API (needed) | 429s |\n");
      out.append("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: |\n");
      for (TargetResult t : run.targets()) {
        out.append(
            String.format(
                Locale.ROOT,
                "| %s (x%d) | %.0f / %.0f | %.1f | %d / %d | %s | %.1f (%.1f + %.1f) | %.1f (%s) | %s | %s"
                    + " | %d |%n",
                t.target(),
                t.scale(),
                t.readsPerSecond(),
                t.writesPerSecond(),
                t.latencyMillis(),
                t.usersAfter(),
                t.groupsAfter(),
                t.status(),
                t.wallSeconds(),
                t.planSeconds(),
                t.applySeconds(),
                t.boundSeconds(),
                t.limitingApi(),
                t.boundSeconds() > 0 ? String.format(Locale.ROOT, "%.2f", t.ratio()) : "n/a",
                requests(t),
                t.throttled()));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String requests(TargetResult t) {
    Map<String, Long> apis = new TreeMap<>(t.neededByApi());
    t.requestsByApi().keySet().forEach(api -> apis.putIfAbsent(api, 0L));
    if (apis.isEmpty()) {
      return "none";
    }
    return apis.keySet().stream()
        .map(
            api ->
                api
                    + " "
                    + t.requestsByApi().getOrDefault(api, 0L)
                    + " ("
                    + t.neededByApi().getOrDefault(api, 0L)
                    + ")")
        .collect(Collectors.joining(", "));
  }
}
