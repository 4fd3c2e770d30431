package org.scimsync.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.scimsync.bench.generate.DirectoryGenerator;
import org.scimsync.bench.internal.BenchmarkConfigFile;
import org.scimsync.bench.internal.DirectoryChange;
import org.scimsync.bench.internal.RequestFloor;
import org.scimsync.bench.internal.RunMeasurement;
import org.scimsync.bench.internal.SyncProcess;
import org.scimsync.emulator.EmulatorState;
import org.scimsync.emulator.EmulatorStats;
import org.scimsync.emulator.FaultSettings;
import org.scimsync.emulator.ScimEmulator;
import picocli.CommandLine;

/**
 * The end-to-end benchmark: generates a directory, starts the emulator (AWS profile) with AWS's
 * quotas (or {@code scale} times them), and measures five syncs, each in a JVM of its own: the
 * initial full sync, a no-op full run, a no-op incremental run (spared: the export is the one the
 * no-op full run found in step), a no-op incremental run after the export was rewritten without a
 * change to any entry (so the directory is read, mapped and compared with the state, as it always
 * is from an LDAP server), and an incremental run after 1% of the users and memberships changed.
 * For each: wall time, requests per API, 429s, the floor set by the quotas ({@link RequestFloor}),
 * writes and reads against the strictly needed ones, peak heap. Writes {@code results/<name>.json}
 * and {@code results/<name>.md}.
 */
public final class SyncBenchmark {

  /** The scenarios, in the order they run. */
  public static final List<String> SCENARIOS =
      List.of("initial", "noop-full", "noop-incremental", "noop-incremental-read", "change-1pct");

  private final PrintStream progress;
  private final BenchmarkSettings settings;

  /**
   * A benchmark with fixed settings.
   *
   * @param settings what to measure against
   * @param progress where a line per finished step goes
   */
  public SyncBenchmark(BenchmarkSettings settings, PrintStream progress) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** {@code SyncBenchmark [--users N] [--groups M] [--scale S] ...}; see {@code --help}. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchmarkCommand()).execute(args));
  }

  /**
   * Runs the four scenarios and writes the results.
   *
   * @return the results, also written as JSON and markdown under the results directory
   */
  public BenchmarkResults run() throws IOException, InterruptedException {
    Instant started = Instant.now();
    BenchmarkResults.Machine machine = BenchmarkResults.Machine.now();
    Path work = settings.workDirectory();
    BenchmarkResults.prepare(work, settings.resultsDirectory());
    Path base = work.resolve("directory-base.ldif");
    Path changed = work.resolve("directory-changed.ldif");
    Path live = work.resolve("directory.ldif");
    new DirectoryGenerator(settings.users(), settings.groups(), settings.seed()).write(base);
    DirectoryChange.Summary change = new DirectoryChange(100).apply(base, changed);
    Files.copy(base, live, StandardCopyOption.REPLACE_EXISTING);
    step("generated %s: %d users, %d groups", base, settings.users(), settings.groups());

    String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    BenchmarkSettings initialSettings = settings.initial();
    try (ScimEmulator emulator =
        ScimEmulator.builder()
            .token(token)
            .shortPageEvery(0)
            .faults(quotas(initialSettings))
            .build()
            .start()) {
      SyncProcess initialSync = syncProcess(emulator, token, live, initialSettings, "initial");
      SyncProcess sync = syncProcess(emulator, token, live, settings, "scim-sync");
      List<ScenarioResult> scenarios = new ArrayList<>();
      scenarios.add(scenario(emulator, initialSync, initialSettings, "initial", false, true));
      emulator.faults(quotas(settings));
      EmulatorState initial = emulator.snapshot();
      Published published = new Published(machine, started, initial, change);
      published.write(scenarios);
      scenarios.add(scenario(emulator, sync, settings, "noop-full", true, true));
      published.write(scenarios);
      scenarios.add(scenario(emulator, sync, settings, "noop-incremental", false, false));
      published.write(scenarios);
      Files.writeString(live, "\n# exported again\n", StandardOpenOption.APPEND);
      scenarios.add(scenario(emulator, sync, settings, "noop-incremental-read", false, false));
      published.write(scenarios);
      Files.copy(changed, live, StandardCopyOption.REPLACE_EXISTING);
      scenarios.add(scenario(emulator, sync, settings, "change-1pct", false, false));
      BenchmarkResults results = published.write(scenarios);
      Path json = settings.resultsDirectory().resolve(settings.name() + ".json");
      Path markdown = settings.resultsDirectory().resolve(settings.name() + ".md");
      step("results in %s and %s", json, markdown);
      return results;
    }
  }

  /** Writes the results so far after each scenario, so that a long run leaves partial results. */
  private final class Published {
    private final BenchmarkResults.Machine machine;
    private final Instant started;
    private final EmulatorState initial;
    private final DirectoryChange.Summary change;

    Published(
        BenchmarkResults.Machine machine,
        Instant started,
        EmulatorState initial,
        DirectoryChange.Summary change) {
      this.machine = machine;
      this.started = started;
      this.initial = initial;
      this.change = change;
    }

    BenchmarkResults write(List<ScenarioResult> scenarios) throws IOException {
      BenchmarkResults results =
          new BenchmarkResults(
              settings,
              machine.ended(),
              started,
              Instant.now(),
              initial.users().size(),
              initial.groups().size(),
              initial.membershipCount(),
              change,
              scenarios);
      Path directory = settings.resultsDirectory();
      Files.writeString(
          directory.resolve(settings.name() + ".json"), results.toJson(), StandardCharsets.UTF_8);
      Files.writeString(
          directory.resolve(settings.name() + ".md"), results.toMarkdown(), StandardCharsets.UTF_8);
      return results;
    }
  }

  private static FaultSettings quotas(BenchmarkSettings at) {
    return FaultSettings.none()
        .withReadsPerSecond(at.readsPerSecond())
        .withWritesPerSecond(at.writesPerSecond())
        .withLatency(at.latency());
  }

  /** A sync whose client rates equal the emulator's quotas at {@code at}'s scale. */
  private SyncProcess syncProcess(
      ScimEmulator emulator, String token, Path live, BenchmarkSettings at, String configName)
      throws IOException {
    Path work = settings.workDirectory();
    Path config =
        BenchmarkConfigFile.write(
            work,
            configName,
            live,
            emulator.baseUri(),
            token,
            at.readsPerSecond(),
            at.writesPerSecond(),
            at.maxConcurrency());
    return new SyncProcess(config, settings.syncHeap(), work, settings.forkSync());
  }

  private ScenarioResult scenario(
      ScimEmulator emulator,
      SyncProcess sync,
      BenchmarkSettings at,
      String name,
      boolean forceFull,
      boolean full)
      throws IOException, InterruptedException {
    EmulatorState before = emulator.snapshot();
    emulator.resetStats();
    RunMeasurement measurement = sync.run(name, forceFull);
    EmulatorStats stats = emulator.stats();
    EmulatorState after = emulator.snapshot();
    RequestFloor.Floor floor =
        RequestFloor.of(
            before,
            after,
            full,
            at.readsPerSecond(),
            at.writesPerSecond(),
            at.latency().toNanos() / 1e9);
    Map<String, Long> byApi = stats.byApi();
    ScenarioResult result =
        ScenarioResult.of(name, full, byApi, stats.throttled(), stats.writes(), floor, measurement);
    step(
        "%s: %s, wall %.1f s, bound %.1f s (%s), ratio %.2f, writes %d/%d, reads %d/%d, 429s %d,"
            + " peak heap %d MB",
        name,
        measurement.status(),
        result.wallSeconds(),
        result.boundSeconds(),
        result.limitingApi(),
        result.ratio(),
        result.writes(),
        result.neededWrites(),
        result.reads(),
        result.neededReads(),
        result.throttled(),
        measurement.peakHeapBytes() >> 20);
    return result;
  }

  private void step(String format, Object... args) {
    progress.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(Instant.now(), args));
    progress.flush();
  }

  private static Object[] prepend(Instant now, Object[] args) {
    Object[] all = new Object[args.length + 1];
    all[0] = java.util.Date.from(now);
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }
}
