package org.scimsync.cli.app.internal;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.common.Secret;
import org.scimsync.engine.source.SharedDirectory;
import org.scimsync.service.ClusterSettings;
import org.scimsync.service.ReadinessProbe;
import org.scimsync.service.ServiceSettings;
import org.scimsync.service.ServiceTarget;
import org.scimsync.service.StatusPageSettings;
import org.scimsync.service.SyncMetrics;
import org.scimsync.service.SyncService;
import org.scimsync.service.WebhookSignature;
import org.scimsync.service.ui.PageTarget;
import org.scimsync.sources.DirectorySources;
import org.scimsync.state.postgres.PostgresConnection;

/** Service mode as the configuration describes it, around the selected targets. */
public final class ServiceAssembly {

  private ServiceAssembly() {}

  /**
   * Starts service mode: the schedule, the webhook and the HTTP endpoints, around the engine of
   * each target (a run queue per target; the runs of one trigger share one read of the directory).
   * With a PostgreSQL state store ({@code state.url}) the service is one instance of a cluster
   * sharing that database (Quartz's clustered job store); with SQLite it runs on its own. Close the
   * returned service to stop it.
   */
  public static SyncService start(ScimSyncConfig config, WiredTargets wired, Clock clock) {
    ServiceSettings settings = ServiceSettings.of(config.schedule(), config.webhook());
    Secret secret = config.webhook().secret();
    SyncMetrics metrics = SyncMetrics.create();
    wired.countThrottlingIn(metrics);
    SharedDirectory directory = new SharedDirectory(DirectorySources.create(config.source()));
    List<ServiceTarget> targets = new ArrayList<>();
    for (TargetRuntime target : wired.all()) {
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
                        wired.all().stream()
                            .map(
                                t ->
                                    new PageTarget(
                                        t.name(), targetName(t.spec().target().url()), t.store()))
                            .toList())));
    service.start();
    return service;
  }

  /** How the status page names the target: its host and port, never its path or credentials. */
  private static String targetName(URI url) {
    String host = url.getHost() == null ? String.valueOf(url) : url.getHost();
    return url.getPort() < 0 ? host : host + ":" + url.getPort();
  }
}
