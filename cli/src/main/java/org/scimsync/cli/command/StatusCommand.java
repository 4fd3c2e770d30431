package org.scimsync.cli.command;

import java.util.concurrent.Callable;
import org.scimsync.cli.app.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code scim-sync status}: the last run and what the state store manages. */
@Command(name = "status", description = "Show the last run and the objects under management.")
public final class StatusCommand implements Callable<Integer> {

  @ParentCommand private ScimSyncCommand root;

  @Mixin private OutputOption output;

  @Override
  public Integer call() {
    try (Application app = root.openApplication()) {
      return app.status(root.console(output)).code();
    }
  }
}
