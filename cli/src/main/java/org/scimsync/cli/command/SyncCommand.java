package org.scimsync.cli.command;

import java.util.concurrent.Callable;
import org.scimsync.cli.app.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code scim-sync sync}: reads the directory, plans and applies the changes now. */
@Command(name = "sync", description = "Run a sync now: read the directory, plan, apply, report.")
public final class SyncCommand implements Callable<Integer> {

  @ParentCommand private ScimSyncCommand root;

  @Mixin private OutputOption output;

  @Option(names = "--dry-run", description = "Plan and print; write nothing to the target.")
  private boolean dryRun;

  @Mixin private RunOptions run;

  @Override
  public Integer call() {
    try (Application app = root.openApplication()) {
      return app.sync(run.request(dryRun), root.console(output)).code();
    }
  }
}
