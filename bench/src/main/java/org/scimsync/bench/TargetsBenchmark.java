package org.scimsync.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scimsync.bench.generate.DirectoryGenerator;
import org.scimsync.bench.internal.CliSyncProcess;
import org.scimsync.bench.internal.RequestFloor;
import org.scimsync.bench.internal.SyncOutput;
import org.scimsync.bench.internal.TargetsConfigFile;
import org.scimsync.emulator.EmulatorState;
import org.scimsync.emulator.EmulatorStats;
import org.scimsync.emulator.FaultSettings;
import org.scimsync.emulator.ScimEmulator;
import picocli.CommandLine;

/**
 * The several-targets benchmark: one generated directory, one emulator per target (AWS profile)
 * with quotas of its own, and one configuration listing every target. Each run is one {@code
 * scim-sync sync --output json} of all targets at once (one read of the directory, a thread per
 * target) in a JVM of its own: the initial sync, a no-op full run ({@code --full}) and a no-op
 * incremental run. Per target: its run's wall time (its report's plan and apply durations), the
 * requests its emulator received per API, the floor its quotas set for the strictly needed requests
 * ({@link RequestFloor}) and the ratio; per run: the directory reads the command reported and the
 * sync JVM's peak heap. Writes {@code results/targets-<users>u-<groups>g.{json,md}}.
 */
public final class TargetsBenchmark {

  /** The runs, in the order they run. */
  public static final List<String> RUNS = List.of("initial", "noop-full", "noop-incremental");

  private final TargetsSettings settings;
  private final PrintStream progress;

  /**
   * A benchmark with fixed settings.
   *
   * @param settings what to measure against
   * @param progress where a line per finished step goes
   */
  public TargetsBenchmark(TargetsSettings settings, PrintStream progress) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** {@code TargetsBenchmark [--users N] [--groups M] [--scales 1,2,3,4,5] ...}. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new TargetsCommand()).execute(args));
  }

  /**
   * Runs the three runs and writes the results after each.
   *
   * @return the results
   */
  public TargetsResults run() throws IOException, InterruptedException {
    Instant started = Instant.now();
    BenchmarkResults.Machine machine = BenchmarkResults.Machine.now();
    Path work = settings.workDirectory();
    BenchmarkResults.prepare(work, settings.resultsDirectory());
    Path ldif = work.resolve("directory.ldif");
    new DirectoryGenerator(settings.users(), settings.groups(), settings.seed()).write(ldif);
    step("generated %s: %d users, %d groups", ldif, settings.users(), settings.groups());

    String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    List<TargetsSettings.Target> targets = settings.targets();
    List<ScimEmulator> emulators = new ArrayList<>();
    try {
      List<TargetsConfigFile.Entry> entries = new ArrayList<>();
      for (TargetsSettings.Target target : targets) {
        ScimEmulator emulator =
            ScimEmulator.builder()
                .token(token)
                .shortPageEvery(0)
                .faults(
                    FaultSettings.none()
                        .withReadsPerSecond(target.readsPerSecond())
                        .withWritesPerSecond(target.writesPerSecond())
                        .withLatency(target.latency()))
                .build()
                .start();
        emulators.add(emulator);
        entries.add(
            new TargetsConfigFile.Entry(
                target.name(),
                emulator.baseUri(),
                target.readsPerSecond(),
                target.writesPerSecond(),
                target.usersInclude(),
                target.groupsInclude()));
      }
      Path config = TargetsConfigFile.write(work, "scim-sync", ldif, token, entries);
      CliSyncProcess sync =
          new CliSyncProcess(config, settings.syncHeap(), work, settings.forkSync());
      List<TargetsResults.Run> runs = new ArrayList<>();
      TargetsResults results = null;
      for (String name : RUNS) {
        boolean forceFull = name.equals("noop-full");
        boolean full = !name.equals("noop-incremental");
        runs.add(run(name, forceFull, full, sync, targets, emulators));
        results = publish(machine, started, runs);
      }
      step("results in %s.{json,md}", settings.resultsDirectory().resolve(settings.name()));
      return Objects.requireNonNull(results);
    } finally {
      for (ScimEmulator emulator : emulators) {
        emulator.close();
      }
    }
  }

  private TargetsResults.Run run(
      String name,
      boolean forceFull,
      boolean full,
      CliSyncProcess sync,
      List<TargetsSettings.Target> targets,
      List<ScimEmulator> emulators)
      throws IOException, InterruptedException {
    List<EmulatorState> before = new ArrayList<>();
    for (ScimEmulator emulator : emulators) {
      before.add(emulator.snapshot());
      emulator.resetStats();
    }
    CliSyncProcess.Ran ran = sync.run(name, forceFull);
    SyncOutput output = ran.output();
    List<TargetsResults.TargetResult> results = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      TargetsSettings.Target target = targets.get(i);
      ScimEmulator emulator = emulators.get(i);
      EmulatorStats stats = emulator.stats();
      EmulatorState after = emulator.snapshot();
      RequestFloor.Floor floor =
          RequestFloor.of(
              before.get(i),
              after,
              full,
              target.readsPerSecond(),
              target.writesPerSecond(),
              target.latency().toNanos() / 1e9);
      SyncOutput.Target outcome = output.target(target.name());
      SyncOutput.Report report = outcome.report();
      TargetsResults.TargetResult result =
          TargetsResults.TargetResult.of(
              target,
              after.users().size(),
              after.groups().size(),
              report == null ? "ERROR" : report.status(),
              outcome.exitCode(),
              report == null ? 0 : report.planDuration().toMillis() / 1000.0,
              report == null ? 0 : report.applyDuration().toMillis() / 1000.0,
              stats.byApi(),
              stats.throttled(),
              stats.writes(),
              floor,
              report == null ? outcome.error() : report.message());
      results.add(result);
      step(
          "%s %s: %s, wall %.1f s (apply %.1f s), bound %.1f s (%s), ratio %.2f, writes %d/%d, reads %d/%d,"
              + " 429s %d",
          name,
          result.target(),
          result.status(),
          result.wallSeconds(),
          result.applySeconds(),
          result.boundSeconds(),
          result.limitingApi(),
          result.ratio(),
          result.writes(),
          result.neededWrites(),
          result.reads(),
          result.neededReads(),
          result.throttled());
    }
    step(
        "%s: directory reads %d, exit %d, command %.1f s, peak heap %d MB, CPU %.1f s",
        name,
        output.directoryReads(),
        output.exitCode(),
        ran.measurement().commandMillis() / 1000.0,
        ran.measurement().peakHeapBytes() >> 20,
        ran.measurement().cpuMillis() / 1000.0);
    return new TargetsResults.Run(
        name, full, output.directoryReads(), output.exitCode(), ran.measurement(), results);
  }

  /** Writes the results so far, so that a long run leaves partial results. */
  private TargetsResults publish(
      BenchmarkResults.Machine machine, Instant started, List<TargetsResults.Run> runs)
      throws IOException {
    TargetsResults results =
        new TargetsResults(settings, machine.ended(), started, Instant.now(), runs);
    Path directory = settings.resultsDirectory();
    Files.writeString(
        directory.resolve(settings.name() + ".json"), results.toJson(), StandardCharsets.UTF_8);
    Files.writeString(
        directory.resolve(settings.name() + ".md"), results.toMarkdown(), StandardCharsets.UTF_8);
    return results;
  }

  private void step(String format, Object... args) {
    progress.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(args));
    progress.flush();
  }

  private static Object[] prepend(Object[] args) {
    Object[] all = new Object[args.length + 1];
    all[0] = new java.util.Date();
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }
}
