package org.scimsync.cli;

import org.scimsync.cli.command.ScimSyncCommand;

/** The entry point of the {@code scim-sync} application. */
public final class Main {

  private Main() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(ScimSyncCommand.newCommandLine(System.getenv()).execute(args));
  }
}
