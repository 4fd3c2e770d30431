package org.scimsync.cli.app.internal;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.scimsync.cli.exit.ExitCodes;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.apply.ChangeResult;
import org.scimsync.engine.source.SharedDirectory;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.state.TargetNames;
import org.scimsync.service.RunLauncher;
import org.scimsync.service.RunRequest;
import org.scimsync.service.RunResult;
import org.scimsync.service.SyncMetrics;
import org.scimsync.service.ui.RunNotes;

/**
 * Service mode's {@link RunLauncher}: one engine run per request of the schedule or webhook, after
 * which the managed object counts (the links in the state store) go to the metrics.
 */
public final class EngineLauncher implements RunLauncher {

  /** How a request becomes a run of the engine. */
  @FunctionalInterface
  private interface Runs {
    RunReport run(RunRequest request, SyncOptions options);
  }

  private final Runs runs;
  private final String target;
  private final StateStore store;
  private final SyncMetrics metrics;

  /** A launcher running {@code engine}, which reads the directory on its own. */
  public EngineLauncher(SyncEngine engine, StateStore store, SyncMetrics metrics) {
    this((request, options) -> engine.run(options), TargetNames.DEFAULT, store, metrics);
    Objects.requireNonNull(engine, "engine");
  }

  private EngineLauncher(Runs runs, String target, StateStore store, SyncMetrics metrics) {
    this.runs = runs;
    this.target = target;
    this.store = Objects.requireNonNull(store, "store");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * A launcher of one of several targets: each run reads the directory through {@code directory},
   * sharing the read with the other targets' runs asked for by the same trigger.
   */
  public static EngineLauncher of(
      TargetRuntime target, SharedDirectory directory, SyncMetrics metrics) {
    return new EngineLauncher(
        (request, options) -> {
          try (SharedDirectory.Reader reader = directory.reader(request.askedAtNanos())) {
            return target.engine(reader).run(options);
          }
        },
        target.name(),
        target.store(),
        metrics);
  }

  @Override
  public RunResult launch(RunRequest request) {
    SyncOptions options =
        SyncOptions.of(request.trigger().label())
            .withFull(request.forceFull())
            .withOnlyUserKeys(request.userKeys())
            .withStopRequested(request.stop()::stopRequested);
    RunReport report = runs.run(request, options);
    StoredState state = store.load();
    metrics.setManagedCounts(target, state.users().size(), state.groups().size());
    Map<String, Integer> byKind = new TreeMap<>();
    for (ChangeResult result : report.results()) {
      if (result.result() == ChangeOutcome.Result.APPLIED) {
        byKind.merge(result.change().changeName(), 1, Integer::sum);
      }
    }
    return new RunResult(
            report.runId(),
            report.status(),
            ExitCodes.of(report.status()).code(),
            report.plan().full(),
            report.applied(),
            report.failed(),
            byKind,
            report.planDuration().plus(report.applyDuration()))
        .withNotes(
            new RunNotes(
                report.warnings(), report.plan().safety().withheld(), report.plan().toText()));
  }
}
