package org.scimsync.cli.app.internal;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.scimsync.engine.ChangeResult;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.service.RunLauncher;
import org.scimsync.engine.service.RunRequest;
import org.scimsync.engine.service.RunResult;
import org.scimsync.engine.state.ChangeOutcome;

/** Service mode's {@link RunLauncher}: one engine run per request of the schedule or webhook. */
public final class EngineLauncher implements RunLauncher {

  private final SyncEngine engine;

  public EngineLauncher(SyncEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  @Override
  public RunResult launch(RunRequest request) {
    SyncOptions options =
        SyncOptions.of(request.trigger().label())
            .withFull(request.forceFull())
            .withOnlyUserKeys(request.userKeys())
            .withStopRequested(request.stop()::stopRequested);
    RunReport report = engine.run(options);
    Map<String, Integer> byKind = new TreeMap<>();
    for (ChangeResult result : report.results()) {
      if (result.result() == ChangeOutcome.Result.APPLIED) {
        byKind.merge(result.change().changeName(), 1, Integer::sum);
      }
    }
    return new RunResult(
        report.runId(),
        report.status(),
        report.exitCode(),
        report.plan().full(),
        report.applied(),
        report.failed(),
        byKind,
        report.planDuration().plus(report.applyDuration()));
  }
}
