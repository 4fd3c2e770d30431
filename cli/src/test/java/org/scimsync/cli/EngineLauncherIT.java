package org.scimsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.app.internal.EngineLauncher;
import org.scimsync.cli.app.internal.Ports;
import org.scimsync.cli.app.internal.RulesResourceMapper;
import org.scimsync.cli.config.ConfigLoader;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.target.scim.ScimClientTarget;
import org.scimsync.service.RunRequest;
import org.scimsync.service.RunResult;
import org.scimsync.service.StopSignal;
import org.scimsync.service.SyncMetrics;
import org.scimsync.service.Trigger;
import org.scimsync.state.sqlite.SqliteStateStore;

/** Service mode's launcher passes the stop signal to the engine and reports managed counts. */
class EngineLauncherIT {

  @TempDir Path dir;

  @Test
  void aRaisedStopSignalStopsTheRunAndTheNextRunAppliesEverything() throws Exception {
    try (ScimEmulator emulator = ScimEmulator.builder().token(SyncSetup.TOKEN).build().start()) {
      SyncSetup setup = new SyncSetup(emulator, dir);
      ScimSyncConfig config =
          new ConfigLoader(Map.of("SCIM_TOKEN", SyncSetup.TOKEN)).load(setup.config);
      SyncMetrics metrics = SyncMetrics.create();
      try (Application app = Application.open(config);
          StateStore store = SqliteStateStore.open(dir.resolve("launcher.db"))) {
        SyncEngine engine =
            new SyncEngine(
                app.source(),
                new RulesResourceMapper(app.rules()),
                new ScimClientTarget(app.client()),
                store,
                Ports.policy(config),
                Clock.systemUTC());
        EngineLauncher launcher = new EngineLauncher(engine, store, metrics);

        RunResult stopped =
            launcher.launch(new RunRequest(Trigger.SCHEDULE, true, Set.of(), () -> true));

        assertThat(stopped.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.changes()).isZero();
        assertThat(emulator.snapshot().users()).isEmpty();
        assertThat(store.run(stopped.runId()).orElseThrow().summary().message())
            .isEqualTo("stopped by shutdown");
        assertThat(metrics.scrape())
            .contains("scim_sync_managed_objects{kind=\"user\",target=\"default\"} 0.0");

        RunResult next =
            launcher.launch(new RunRequest(Trigger.SCHEDULE, true, Set.of(), StopSignal.NEVER));

        assertThat(next.exitCode()).isZero();
        int users = emulator.snapshot().users().size();
        assertThat(users).isPositive();
        assertThat(metrics.scrape())
            .contains(
                "scim_sync_managed_objects{kind=\"user\",target=\"default\"} " + (double) users);
      }
    }
  }
}
