package org.scimsync.cli.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.scimsync.cli.app.internal.EngineLauncher;
import org.scimsync.cli.app.internal.RunHistoryView;
import org.scimsync.cli.app.internal.SourceWatch;
import org.scimsync.cli.app.internal.TargetRuns;
import org.scimsync.cli.app.internal.TargetRuntime;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.cli.config.TargetSpec;
import org.scimsync.cli.exit.CliException;
import org.scimsync.cli.exit.ExitCode;
import org.scimsync.cli.exit.ExitCodes;
import org.scimsync.client.RequestListener;
import org.scimsync.client.ScimClient;
import org.scimsync.common.Secret;
import org.scimsync.engine.PlanJson;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SharedDirectory;
import org.scimsync.engine.state.StateStore;
import org.scimsync.mapping.MappingRules;
import org.scimsync.service.ClusterSettings;
import org.scimsync.service.ReadinessProbe;
import org.scimsync.service.ServiceSettings;
import org.scimsync.service.ServiceTarget;
import org.scimsync.service.StatusPageSettings;
import org.scimsync.service.SyncMetrics;
import org.scimsync.service.SyncService;
import org.scimsync.service.WebhookSignature;
import org.scimsync.service.ui.PageTarget;
import org.scimsync.service.ui.PlanPage;
import org.scimsync.service.ui.StatusPage;
import org.scimsync.sources.DirectorySources;
import org.scimsync.state.postgres.PostgresConnection;
import org.scimsync.state.postgres.PostgresStateStore;
import org.scimsync.state.sql.SqlStateStore;
import org.scimsync.state.sqlite.SqliteStateStore;

/**
 * The composition root: the only place that turns a configuration into the engine's ports (the
 * directory source, the mapping rules, the SCIM client behind the target port, the state store on
 * SQLite or PostgreSQL) and runs it. One instance per command invocation; what it opened is closed
 * with it.
 */
public final class Application implements AutoCloseable {

  private static final int THROTTLED = 429;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Application.class);

  private final ScimSyncConfig config;
  private final List<TargetSpec> selected;
  private final Clock clock;
  private final Map<String, TargetRuntime> runtimes = new LinkedHashMap<>();
  private @Nullable SqlStateStore store;
  private @Nullable SyncMetrics serviceMetrics;

  private Application(ScimSyncConfig config, List<TargetSpec> selected, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.selected = List.copyOf(selected);
    this.clock = Objects.requireNonNull(clock, "clock");
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
    return String.join(", ", targets.stream().map(TargetSpec::name).toList());
  }

  /** The names of the targets this application works on, in the order of the configuration. */
  public List<String> targetNames() {
    return selected.stream().map(TargetSpec::name).toList();
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
   * What earlier runs learned of the one target, as kept in the state store; empty without a state
   * file (none is created for it).
   */
  public Map<String, String> rememberedCapabilities() {
    return stateExists() ? single().rememberedCapabilities() : Map.of();
  }

  /** The one target this application works on; exit code 2 when it works on several. */
  private TargetRuntime single() {
    if (selected.size() != 1) {
      throw new CliException(
          ExitCode.INVALID,
          "this needs one target: add --target NAME (the targets of "
              + config.file().getFileName()
              + ": "
              + names(selected)
              + ")");
    }
    return runtime(selected.get(0));
  }

  private synchronized List<TargetRuntime> runtimes() {
    return selected.stream().map(this::runtime).toList();
  }

  private synchronized TargetRuntime runtime(TargetSpec spec) {
    return runtimes.computeIfAbsent(
        spec.name(),
        name -> {
          SyncMetrics metrics = serviceMetrics;
          RequestListener listener =
              metrics == null
                  ? null
                  : (api, status, elapsed) -> {
                    if (status == THROTTLED) {
                      metrics.recordThrottled(name);
                    }
                  };
          return new TargetRuntime(config, spec, () -> store().forTarget(name), listener, clock);
        });
  }

  /** The one state store of every target, opened once (the targets' runs reach it at once). */
  private synchronized SqlStateStore store() {
    if (store == null) {
      PostgresConnection database = config.stateDatabase();
      store =
          database == null
              ? SqliteStateStore.open(config.statePath())
              : PostgresStateStore.open(database);
      warnAboutStateOfOtherTargets(store);
    }
    return store;
  }

  /** State kept for a target no longer configured is kept, not used: say so once. */
  private void warnAboutStateOfOtherTargets(SqlStateStore opened) {
    List<String> configured = config.targets().stream().map(TargetSpec::name).toList();
    for (String name : opened.targetsWithState()) {
      if (!configured.contains(name)) {
        LOG.warn(
            "state.unconfiguredTarget target={} state={}: the state store keeps the links and"
                + " history of a target this configuration does not name; to go on with them,"
                + " name that target '{}' again",
            name,
            config.stateLocation(),
            name);
      }
    }
  }

  /** False while there is no state file yet (none is created to say so); a database always is. */
  private boolean stateExists() {
    return config.stateDatabase() != null || Files.exists(config.statePath());
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
      return report(
          console,
          TargetRuns.each(runtimes(), source(), (t, engine) -> engine.run(options(request))));
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

  /** Prints the report (or the failure) of each target, and returns the most serious exit code. */
  private ExitCode report(Console console, TargetRuns.Ran<RunReport> outcomes) {
    return new TargetReports(console)
        .print(
            outcomes,
            report -> ExitCodes.of(report.status()),
            (report, exit) -> console.json() ? report.toJson(exit) : report.toText(exit));
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
      return new TargetReports(console)
          .print(
              TargetRuns.each(runtimes(), source(), (t, engine) -> engine.plan(options(request))),
              plan -> plan.safety().isPassed() ? ExitCode.OK : ExitCode.SAFETY_STOP,
              (plan, exit) ->
                  console.json() ? PlanJson.write(plan) : Colours.plan(plan.toText(), console));
    }
    Plan plan = engine().plan(options(request));
    boolean htmlFile = out != null && isHtml(out);
    if (out != null) {
      try {
        Files.writeString(
            out, htmlFile ? planPage(plan) : PlanJson.write(plan), StandardCharsets.UTF_8);
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
    RunReport report = engine().apply(PlanJson.read(json), options(request));
    print(console, report);
    return ExitCodes.of(report.status());
  }

  /** Prints the last run and the objects under management, of each target. */
  public ExitCode status(Console console) {
    RunHistoryView view = new RunHistoryView(console.out(), console.json());
    if (!stateExists()) {
      view.noState(config.stateLocation());
    } else if (selected.size() == 1 && !config.severalTargets()) {
      StateStore state = single().store();
      view.status(config.stateLocation(), state.load(), state.recentRuns(1));
    } else {
      Map<String, RunHistoryView.TargetStatus> statuses = new LinkedHashMap<>();
      for (TargetRuntime target : runtimes()) {
        statuses.put(
            target.name(),
            new RunHistoryView.TargetStatus(target.store().load(), target.store().recentRuns(1)));
      }
      view.statuses(config.stateLocation(), statuses);
    }
    return ExitCode.OK;
  }

  /** Prints the most recent runs, newest first, of each target (named when there are several). */
  public ExitCode history(int limit, Console console) {
    RunHistoryView view = new RunHistoryView(console.out(), console.json());
    if (!stateExists()) {
      view.noState(config.stateLocation());
    } else if (!config.severalTargets()) {
      view.runs(single().store().recentRuns(limit));
    } else {
      List<RunHistoryView.TargetRun> runs = new ArrayList<>();
      for (TargetRuntime target : runtimes()) {
        target.store().recentRuns(limit).stream()
            .map(run -> new RunHistoryView.TargetRun(target.name(), run))
            .forEach(runs::add);
      }
      runs.sort(
          java.util.Comparator.comparingLong((RunHistoryView.TargetRun r) -> r.run().id())
              .reversed());
      view.targetRuns(runs.subList(0, Math.min(limit, runs.size())));
    }
    return ExitCode.OK;
  }

  /** Prints every change of one run, whichever target it belongs to. */
  public ExitCode runDetail(long runId, Console console) {
    if (!stateExists()) {
      throw new CliException(ExitCode.INVALID, "no run " + runId + ": no state file yet");
    }
    for (TargetRuntime target : runtimes()) {
      var run = target.store().run(runId);
      if (run.isPresent()) {
        new RunHistoryView(console.out(), console.json())
            .run(run.get(), target.store().journal(runId));
        return ExitCode.OK;
      }
    }
    throw new CliException(ExitCode.INVALID, "no run " + runId + " in the history");
  }

  /**
   * Starts service mode: the schedule, the webhook and the HTTP endpoints, around the engine of
   * each target (a run queue per target; the runs of one trigger share one read of the directory).
   * With a PostgreSQL state store ({@code state.url}) the service is one instance of a cluster
   * sharing that database (Quartz's clustered job store); with SQLite it runs on its own. Close the
   * returned service to stop it.
   */
  public SyncService startService() {
    ServiceSettings settings = ServiceSettings.of(config.schedule(), config.webhook());
    Secret secret = config.webhook().secret();
    if (!runtimes.isEmpty()) {
      throw new IllegalStateException("the service needs clients of its own, made for its metrics");
    }
    SyncMetrics metrics = SyncMetrics.create();
    serviceMetrics = metrics;
    SharedDirectory directory = new SharedDirectory(source());
    List<ServiceTarget> targets = new ArrayList<>();
    for (TargetRuntime target : runtimes()) {
      targets.add(
          new ServiceTarget(
              target.name(), EngineLauncher.of(target, directory, metrics), target.store()));
    }
    PostgresConnection database = config.stateDatabase();
    @Nullable ClusterSettings cluster =
        database == null
            ? null
            : new ClusterSettings(
                database.dataSource(),
                ClusterSettings.thisInstance(),
                config.schedule().clusterCheckinInterval());
    SyncService service =
        new SyncService(
            settings,
            targets,
            secret == null ? null : WebhookSignature.of(secret),
            ReadinessProbe.ALWAYS_READY,
            metrics,
            clock,
            new SyncService.Extras(
                cluster,
                config.schedule().watch()
                    ? new SourceWatch(config.source(), config.schedule().watchPollInterval())
                    : null,
                config.ui() == null
                    ? null
                    : new StatusPageSettings(
                        config.ui(),
                        runtimes().stream()
                            .map(
                                t ->
                                    new PageTarget(
                                        t.name(), targetName(t.spec().target().url()), t.store()))
                            .toList())));
    service.start();
    return service;
  }

  /** How the status page names the target: its host and port, never its path or credentials. */
  private static String targetName(java.net.URI url) {
    String host = url.getHost() == null ? String.valueOf(url) : url.getHost();
    return url.getPort() < 0 ? host : host + ":" + url.getPort();
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
    try {
      for (TargetRuntime runtime : runtimes.values()) {
        runtime.close();
      }
    } finally {
      if (store != null) {
        store.close();
      }
    }
  }
}
