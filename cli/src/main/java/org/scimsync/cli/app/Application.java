package org.scimsync.cli.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.app.internal.ChangeProgress;
import org.scimsync.cli.app.internal.ConfigurationCheck;
import org.scimsync.cli.app.internal.SavedPlans;
import org.scimsync.cli.app.internal.ServiceAssembly;
import org.scimsync.cli.app.internal.StateReports;
import org.scimsync.cli.app.internal.TargetRuns;
import org.scimsync.cli.app.internal.TargetRuntime;
import org.scimsync.cli.app.internal.WiredTargets;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.cli.config.TargetSpec;
import org.scimsync.cli.exit.CliException;
import org.scimsync.cli.exit.ExitCode;
import org.scimsync.cli.exit.ExitCodes;
import org.scimsync.client.ScimClient;
import org.scimsync.engine.PlanJson;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.mapping.MappingRules;
import org.scimsync.service.SyncService;
import org.scimsync.service.ui.PlanPage;
import org.scimsync.service.ui.StatusPage;
import org.scimsync.sources.DirectorySources;

/**
 * The composition root: the only place that turns a configuration into the engine's ports (the
 * directory source, the mapping rules, the SCIM client behind the target port, the state store on
 * SQLite or PostgreSQL) and runs it. One instance per command invocation; what it opened is closed
 * with it.
 */
public final class Application implements AutoCloseable {

  private final ScimSyncConfig config;
  private final List<TargetSpec> selected;
  private final Clock clock;
  private final WiredTargets targets;

  private Application(ScimSyncConfig config, List<TargetSpec> selected, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.selected = List.copyOf(selected);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.targets = new WiredTargets(config, this.selected, clock);
  }

  /** Wires the application for every target of a configuration; nothing is opened yet. */
  public static Application open(ScimSyncConfig config) {
    return open(config, null);
  }

  /**
   * Wires the application for one target of a configuration ({@code --target NAME}), or for all of
   * them when {@code target} is null; nothing is opened until a command needs it.
   *
   * @throws CliException (exit code 2) when the configuration has no target of that name
   */
  public static Application open(ScimSyncConfig config, @Nullable String target) {
    List<TargetSpec> selected;
    if (target == null) {
      selected = config.targets();
    } else {
      selected =
          List.of(
              config
                  .targetNamed(target)
                  .orElseThrow(
                      () ->
                          new CliException(
                              ExitCode.INVALID,
                              "--target "
                                  + target
                                  + ": "
                                  + config.file()
                                  + " has no target of that name; its targets: "
                                  + names(config.targets()))));
    }
    return new Application(config, selected, Clock.systemUTC());
  }

  private static String names(List<TargetSpec> targets) {
    return WiredTargets.names(targets);
  }

  private TargetRuntime single() {
    return targets.single();
  }

  private List<TargetRuntime> runtimes() {
    return targets.all();
  }

  private boolean stateExists() {
    return targets.stateExists();
  }

  /** The directory source of the configuration. */
  public DirectorySource source() {
    return DirectorySources.create(config.source());
  }

  /**
   * The compiled mapping rules of the one target.
   *
   * @throws org.scimsync.cli.config.ConfigException naming the key and line of a broken rule
   */
  public MappingRules rules() {
    return single().rules();
  }

  /** The SCIM client of the one target, created on first use. */
  public ScimClient client() {
    return single().client();
  }

  /**
   * {@code validate}: checks the configuration, reads the directory once, and checks each target's
   * rules and the target itself (only the rules when {@code offline}).
   */
  public ExitCode validate(java.io.PrintWriter out, boolean offline) {
    List<ConfigurationCheck.TargetCheck> checks = new ArrayList<>();
    for (TargetRuntime target : runtimes()) {
      checks.add(
          new ConfigurationCheck.TargetCheck(
              target.spec(),
              target::client,
              () -> stateExists() ? target.rememberedCapabilities() : Map.of()));
    }
    return new ConfigurationCheck(config, out).run(this::source, checks, offline);
  }

  /** The engine of the one target, with every port wired. */
  public SyncEngine engine() {
    return single().engine(source());
  }

  /**
   * Runs a sync (or a dry run) of each target and prints the reports. With one target, on an
   * interactive terminal, a progress bar on stderr counts the finished changes against the planned
   * total. Several targets run at once from one read of the directory; the exit code is the most
   * serious of theirs ({@link ExitCodes#worst}).
   */
  public ExitCode sync(RunRequest request, Console console) {
    if (selected.size() > 1) {
      TargetReports reports = new TargetReports(console);
      int reads =
          TargetRuns.each(
              runtimes(),
              source(),
              (t, engine) -> rendered(engine.run(options(request)), console),
              reports::add);
      return reports.finish(reads);
    }
    RunReport report;
    if (console.interactive() && !console.json() && !request.dryRun()) {
      try (ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("changes")
              .setInitialMax(-1)
              .setStyle(
                  console.colours()
                      ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK
                      : ProgressBarStyle.UNICODE_BLOCK)
              .setConsumer(new ConsoleProgressBarConsumer(System.err))
              .build()) {
        report = engine().run(options(request).withProgress(new ChangeProgress(bar)));
      }
    } else {
      report = engine().run(options(request));
    }
    print(console, report);
    return ExitCodes.of(report.status());
  }

  /** A target's report as the console prints it, with its exit code. */
  private static TargetReports.Rendered rendered(RunReport report, Console console) {
    ExitCode code = ExitCodes.of(report.status());
    return new TargetReports.Rendered(
        code,
        console.json()
            ? report.toJson(code.code())
            : Colours.plan(report.toText(code.code()), console));
  }

  /**
   * Computes the plan, prints it and, with {@code out}, saves it for {@link #apply}. Exit code 3
   * when a safety guard would stop the run.
   */
  public ExitCode plan(RunRequest request, @Nullable Path out, Console console) {
    return plan(request, out, false, console);
  }

  /**
   * Computes the plan and prints it (as a standalone HTML page with {@code html}); with {@code
   * out}, saves it: as JSON for {@link #apply}, or as the HTML page when the name ends in {@code
   * .html}. Exit code 3 when a safety guard would stop the run. With several targets, prints the
   * plan of each (a saved plan or a page belongs to one target: those need {@code --target}).
   */
  public ExitCode plan(RunRequest request, @Nullable Path out, boolean html, Console console) {
    if (selected.size() > 1) {
      if (out != null || html) {
        single(); // a saved plan and a plan page belong to one target
      }
      TargetReports reports = new TargetReports(console);
      int reads =
          TargetRuns.each(
              runtimes(),
              source(),
              (t, engine) -> {
                Plan plan = engine.plan(options(request));
                return new TargetReports.Rendered(
                    plan.safety().isPassed() ? ExitCode.OK : ExitCode.SAFETY_STOP,
                    console.json() ? PlanJson.write(plan) : Colours.plan(plan.toText(), console));
              },
              reports::add);
      return reports.finish(reads);
    }
    Plan plan = engine().plan(options(request));
    boolean htmlFile = out != null && isHtml(out);
    if (out != null) {
      try {
        Files.writeString(
            out,
            htmlFile ? planPage(plan) : SavedPlans.write(plan, single().name()),
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CliException(
            ExitCode.INVALID, "cannot write the plan to " + out + ": " + e.getMessage(), e);
      }
    }
    if (html) {
      console.out().print(planPage(plan));
    } else {
      console
          .out()
          .print(
              console.json() ? PlanJson.write(plan) + "\n" : Colours.plan(plan.toText(), console));
    }
    if (out != null && !console.json() && !html) {
      console
          .out()
          .println(
              htmlFile
                  ? "Plan page written to "
                      + out
                      + "; open it in a browser (scim-sync apply needs --out FILE.json)"
                  : "Plan saved to " + out + "; apply it with: scim-sync apply " + out);
    }
    console.out().flush();
    return plan.safety().isPassed() ? ExitCode.OK : ExitCode.SAFETY_STOP;
  }

  private String planPage(Plan plan) {
    return PlanPage.render(plan, String.valueOf(config.file().getFileName()), clock.instant());
  }

  private static boolean isHtml(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".html") || name.endsWith(".htm");
  }

  /** Applies a saved plan if neither the directory nor the target changed since. */
  public ExitCode apply(Path planFile, RunRequest request, Console console) {
    String json;
    try {
      json = Files.readString(planFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCode.INVALID, "plan file " + planFile + " does not exist", e);
    } catch (IOException e) {
      throw new CliException(
          ExitCode.INVALID, "cannot read the plan file " + planFile + ": " + e.getMessage(), e);
    }
    SavedPlans.requireTarget(json, single().name(), planFile);
    RunReport report = engine().apply(PlanJson.read(json), options(request));
    print(console, report);
    return ExitCodes.of(report.status());
  }

  /** Prints the last run and the objects under management, of each target. */
  public ExitCode status(Console console) {
    return reports(console).status();
  }

  /** Prints the most recent runs, newest first, of each target (named when there are several). */
  public ExitCode history(int limit, Console console) {
    return reports(console).history(limit);
  }

  /** Prints every change of one run, whichever target it belongs to. */
  public ExitCode runDetail(long runId, Console console) {
    return reports(console).runDetail(runId);
  }

  private StateReports reports(Console console) {
    return new StateReports(config, targets, console.out(), console.json());
  }

  /**
   * Starts service mode: the schedule, the webhook and the HTTP endpoints, around the engine of
   * each target (a run queue per target; the runs of one trigger share one read of the directory).
   * With a PostgreSQL state store ({@code state.url}) the service is one instance of a cluster
   * sharing that database (Quartz's clustered job store); with SQLite it runs on its own. Close the
   * returned service to stop it.
   */
  public SyncService startService() {
    return ServiceAssembly.start(config, targets, clock);
  }

  /** The status page's address, when the configuration turns it on: for {@code serve} to print. */
  public java.util.Optional<String> statusPageAddress(SyncService service) {
    if (config.ui() == null) {
      return java.util.Optional.empty();
    }
    String scheme = config.ui().tls() == null ? "http" : "https";
    String host = service.address().getHostString();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return java.util.Optional.of(
        scheme + "://" + host + ":" + service.address().getPort() + StatusPage.PATH + "/");
  }

  private static SyncOptions options(RunRequest request) {
    return new SyncOptions(
        request.trigger(),
        request.full(),
        request.dryRun(),
        request.allowDeletes(),
        request.verifyMembers(),
        Set.of());
  }

  private static void print(Console console, RunReport report) {
    int exit = ExitCodes.of(report.status()).code();
    console
        .out()
        .print(
            console.json()
                ? report.toJson(exit) + "\n"
                : Colours.plan(report.toText(exit), console));
    console.out().flush();
  }

  @Override
  public void close() {
    targets.close();
  }
}
