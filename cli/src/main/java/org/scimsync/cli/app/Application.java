package org.scimsync.cli.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.app.internal.ChangeProgress;
import org.scimsync.cli.app.internal.EngineLauncher;
import org.scimsync.cli.app.internal.Ports;
import org.scimsync.cli.app.internal.RulesResourceMapper;
import org.scimsync.cli.app.internal.RunHistoryView;
import org.scimsync.cli.app.internal.SourceWatch;
import org.scimsync.cli.config.ScimSyncConfig;
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
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.scim.ScimClientTarget;
import org.scimsync.mapping.MappingRules;
import org.scimsync.service.ClusterSettings;
import org.scimsync.service.ReadinessProbe;
import org.scimsync.service.ServiceSettings;
import org.scimsync.service.StatusPageSettings;
import org.scimsync.service.SyncMetrics;
import org.scimsync.service.SyncService;
import org.scimsync.service.WebhookSignature;
import org.scimsync.service.ui.PlanPage;
import org.scimsync.service.ui.StatusPage;
import org.scimsync.sources.DirectorySources;
import org.scimsync.state.postgres.PostgresConnection;
import org.scimsync.state.postgres.PostgresStateStore;
import org.scimsync.state.sqlite.SqliteStateStore;

/**
 * The composition root: the only place that turns a configuration into the engine's ports (the
 * directory source, the mapping rules, the SCIM client behind the target port, the state store on
 * SQLite or PostgreSQL) and runs it. One instance per command invocation; what it opened is closed
 * with it.
 */
public final class Application implements AutoCloseable {

  private static final int THROTTLED = 429;

  private final ScimSyncConfig config;
  private final Clock clock;
  private @Nullable ScimClient client;
  private @Nullable StateStore store;
  private @Nullable RequestListener requestListener;

  private Application(ScimSyncConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Wires the application for one configuration; nothing is opened until a command needs it. */
  public static Application open(ScimSyncConfig config) {
    return new Application(config, Clock.systemUTC());
  }

  /** The directory source of the configuration. */
  public DirectorySource source() {
    return DirectorySources.create(config.source());
  }

  /**
   * The compiled mapping rules.
   *
   * @throws org.scimsync.cli.config.ConfigException naming the key and line of a broken rule
   */
  public MappingRules rules() {
    return Ports.rules(config);
  }

  /** The SCIM client of the target, created on first use. */
  public ScimClient client() {
    if (client == null) {
      client = ScimClient.create(Ports.client(config.target(), requestListener, System.getenv()));
    }
    return client;
  }

  /**
   * What earlier runs learned of the target, as kept in the state store; empty without a state file
   * (none is created for it).
   */
  public Map<String, String> rememberedCapabilities() {
    return stateExists() ? store().targetCapabilities() : Map.of();
  }

  private StateStore store() {
    if (store == null) {
      PostgresConnection database = config.stateDatabase();
      store =
          database == null
              ? SqliteStateStore.open(config.statePath())
              : PostgresStateStore.open(database);
    }
    return store;
  }

  /** False while there is no state file yet (none is created to say so); a database always is. */
  private boolean stateExists() {
    return config.stateDatabase() != null || Files.exists(config.statePath());
  }

  /** The engine with every port wired. */
  public SyncEngine engine() {
    return engine(new ScimClientTarget(client()));
  }

  private SyncEngine engine(ScimTarget target) {
    MappingRules rules = rules();
    return new SyncEngine(
        source(), new RulesResourceMapper(rules), target, store(), Ports.policy(config), clock);
  }

  /**
   * Runs a sync (or a dry run) and prints its report. On an interactive terminal a progress bar on
   * stderr counts the finished changes against the planned total.
   */
  public ExitCode sync(RunRequest request, Console console) {
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
   * .html}. Exit code 3 when a safety guard would stop the run.
   */
  public ExitCode plan(RunRequest request, @Nullable Path out, boolean html, Console console) {
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

  /** Prints the last run and the objects under management. */
  public ExitCode status(Console console) {
    RunHistoryView view = new RunHistoryView(console.out(), console.json());
    if (!stateExists()) {
      view.noState(config.stateLocation());
    } else {
      view.status(config.stateLocation(), store().load(), store().recentRuns(1));
    }
    return ExitCode.OK;
  }

  /** Prints the most recent runs, newest first. */
  public ExitCode history(int limit, Console console) {
    RunHistoryView view = new RunHistoryView(console.out(), console.json());
    if (!stateExists()) {
      view.noState(config.stateLocation());
    } else {
      view.runs(store().recentRuns(limit));
    }
    return ExitCode.OK;
  }

  /** Prints every change of one run. */
  public ExitCode runDetail(long runId, Console console) {
    if (!stateExists()) {
      throw new CliException(ExitCode.INVALID, "no run " + runId + ": no state file yet");
    }
    var run =
        store()
            .run(runId)
            .orElseThrow(
                () -> new CliException(ExitCode.INVALID, "no run " + runId + " in the history"));
    new RunHistoryView(console.out(), console.json()).run(run, store().journal(runId));
    return ExitCode.OK;
  }

  /**
   * Starts service mode: the schedule, the webhook and the HTTP endpoints, around this engine. With
   * a PostgreSQL state store ({@code state.url}) the service is one instance of a cluster sharing
   * that database (Quartz's clustered job store); with SQLite it runs on its own. Close the
   * returned service to stop it.
   */
  public SyncService startService() {
    ServiceSettings settings = ServiceSettings.of(config.schedule(), config.webhook());
    Secret secret = config.webhook().secret();
    SyncMetrics metrics = SyncMetrics.create();
    if (client != null) {
      throw new IllegalStateException(
          "the service needs a client of its own, made for its metrics");
    }
    requestListener =
        (api, status, elapsed) -> {
          if (status == THROTTLED) {
            metrics.recordThrottled();
          }
        };
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
            new EngineLauncher(engine(), store(), metrics),
            store(),
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
                    : new StatusPageSettings(config.ui(), targetName(config.target().url()))));
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
      if (client != null) {
        client.close();
      }
    } finally {
      if (store != null) {
        store.close();
      }
    }
  }
}
