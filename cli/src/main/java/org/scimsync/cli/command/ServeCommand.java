package org.scimsync.cli.command;

import java.util.concurrent.Callable;
import org.scimsync.cli.CliException;
import org.scimsync.cli.ExitCode;
import org.scimsync.cli.ScimSyncCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code scim-sync serve}: runs the schedule and the webhook trigger until stopped. */
@Command(
    name = "serve",
    description = "Keep running: sync on the schedule and on signed webhook calls.")
public final class ServeCommand implements Callable<Integer> {

  @ParentCommand private ScimSyncCommand root;

  @Override
  public Integer call() {
    root.loadConfig();
    throw new CliException(ExitCode.INVALID, "serve is not available in this build");
  }
}
