package org.scimsync.cli.command;

import java.util.concurrent.Callable;
import org.scimsync.cli.CliException;
import org.scimsync.cli.ExitCode;
import picocli.CommandLine.Command;

/** {@code scim-sync demo}: syncs a bundled sample directory into an embedded emulator. */
@Command(
    name = "demo",
    description = "Sync a bundled sample directory into an embedded emulator; needs nothing else.")
public final class DemoCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new CliException(ExitCode.INVALID, "the demo is not available in this build");
  }
}
