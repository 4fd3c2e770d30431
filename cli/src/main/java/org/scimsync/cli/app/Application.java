package org.scimsync.cli.app;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.CliException;
import org.scimsync.cli.ExitCode;
import org.scimsync.cli.config.ScimSyncConfig;

/**
 * The composition root: the only place that turns a configuration into the engine's ports and runs
 * it. One instance per command invocation; closing it releases the state store.
 */
public final class Application implements AutoCloseable {

  private final ScimSyncConfig config;

  private Application(ScimSyncConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Wires the application for one configuration. */
  public static Application open(ScimSyncConfig config) {
    return new Application(config);
  }

  /** Runs a sync (or a dry run) and prints its report. */
  public ExitCode sync(RunRequest request, Console console) {
    throw notWired("sync");
  }

  /** Computes the plan, prints it and optionally saves it. */
  public ExitCode plan(RunRequest request, @Nullable Path out, Console console) {
    throw notWired("plan");
  }

  /** Applies a saved plan. */
  public ExitCode apply(Path planFile, RunRequest request, Console console) {
    throw notWired("apply");
  }

  /** Prints the last run and the managed objects. */
  public ExitCode status(Console console) {
    throw notWired("status");
  }

  /** Prints the most recent runs. */
  public ExitCode history(int limit, Console console) {
    throw notWired("history");
  }

  /** Prints every change of one run. */
  public ExitCode runDetail(long runId, Console console) {
    throw notWired("history --run");
  }

  private CliException notWired(String command) {
    return new CliException(
        ExitCode.PARTIAL_FAILURE,
        command + " is not available in this build (configuration " + config.file() + " is valid)");
  }

  @Override
  public void close() {}
}
