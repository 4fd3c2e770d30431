package org.scimsync.cli.command;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.app.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code scim-sync history}: recent runs, or every change of one run. */
@Command(name = "history", description = "List recent runs, or every change of one run.")
public final class HistoryCommand implements Callable<Integer> {

  @ParentCommand private ScimSyncCommand root;

  @Mixin private OutputOption output;

  @Option(names = "--run", paramLabel = "N", description = "Show every change of run N.")
  private @Nullable Long run;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "How many runs to list (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Override
  public Integer call() {
    try (Application app = root.openApplication()) {
      return (run == null
              ? app.history(limit, root.console(output))
              : app.runDetail(run, root.console(output)))
          .code();
    }
  }
}
