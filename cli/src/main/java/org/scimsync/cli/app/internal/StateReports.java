package org.scimsync.cli.app.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.cli.exit.CliException;
import org.scimsync.cli.exit.ExitCode;
import org.scimsync.engine.state.StateStore;

/**
 * {@code status}, {@code history} and {@code history --run N} over the selected targets' state: one
 * target as before, several each named.
 */
public final class StateReports {

  private final ScimSyncConfig config;
  private final WiredTargets targets;
  private final PrintWriter out;
  private final boolean json;

  public StateReports(ScimSyncConfig config, WiredTargets targets, PrintWriter out, boolean json) {
    this.config = config;
    this.targets = targets;
    this.out = out;
    this.json = json;
  }

  /** Prints the last run and the objects under management, of each target. */
  public ExitCode status() {
    RunHistoryView view = new RunHistoryView(out, json);
    if (!targets.stateExists()) {
      view.noState(config.stateLocation());
    } else if (targets.size() == 1 && !config.severalTargets()) {
      StateStore state = targets.single().store();
      view.status(config.stateLocation(), state.load(), state.recentRuns(1));
    } else {
      Map<String, RunHistoryView.TargetStatus> statuses = new LinkedHashMap<>();
      for (TargetRuntime target : targets.all()) {
        statuses.put(
            target.name(),
            new RunHistoryView.TargetStatus(target.store().load(), target.store().recentRuns(1)));
      }
      view.statuses(config.stateLocation(), statuses);
    }
    return ExitCode.OK;
  }

  /** Prints the most recent runs, newest first, of each target (named when there are several). */
  public ExitCode history(int limit) {
    RunHistoryView view = new RunHistoryView(out, json);
    if (!targets.stateExists()) {
      view.noState(config.stateLocation());
    } else if (!config.severalTargets()) {
      view.runs(targets.single().store().recentRuns(limit));
    } else {
      List<RunHistoryView.TargetRun> runs = new ArrayList<>();
      for (TargetRuntime target : targets.all()) {
        target.store().recentRuns(limit).stream()
            .map(run -> new RunHistoryView.TargetRun(target.name(), run))
            .forEach(runs::add);
      }
      runs.sort(Comparator.comparingLong((RunHistoryView.TargetRun r) -> r.run().id()).reversed());
      view.targetRuns(runs.subList(0, Math.min(limit, runs.size())));
    }
    return ExitCode.OK;
  }

  /** Prints every change of one run, whichever target it belongs to. */
  public ExitCode runDetail(long runId) {
    if (!targets.stateExists()) {
      throw new CliException(ExitCode.INVALID, "no run " + runId + ": no state file yet");
    }
    for (TargetRuntime target : targets.all()) {
      var run = target.store().run(runId);
      if (run.isPresent()) {
        new RunHistoryView(out, json).run(run.get(), target.store().journal(runId));
        return ExitCode.OK;
      }
    }
    throw new CliException(ExitCode.INVALID, "no run " + runId + " in the history");
  }
}
