package org.scimsync.cli.command;

import org.scimsync.cli.app.RunRequest;
import picocli.CommandLine.Option;

/** The options shared by {@code sync} and {@code plan}. */
public final class RunOptions {

  @Option(names = "--full", description = "Re-read the whole target instead of trusting state.")
  private boolean full;

  @Option(names = "--allow-deletes", description = "Lift the deletion thresholds for this run.")
  private boolean allowDeletes;

  @Option(
      names = "--verify-members",
      description = "Read group memberships back from the target instead of trusting state.")
  private boolean verifyMembers;

  /** The request of a run started from the command line. */
  public RunRequest request(boolean dryRun) {
    return new RunRequest("cli", dryRun, full, allowDeletes, verifyMembers);
  }
}
