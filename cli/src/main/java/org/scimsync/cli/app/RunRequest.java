package org.scimsync.cli.app;

import java.util.Objects;

/**
 * What a user asked of one run.
 *
 * @param trigger what started it: cli, demo, schedule, webhook
 * @param dryRun plan only, write nothing to the target
 * @param full re-read the whole target
 * @param allowDeletes lift the deletion thresholds for this run
 * @param verifyMembers read memberships back from the target
 */
public record RunRequest(
    String trigger, boolean dryRun, boolean full, boolean allowDeletes, boolean verifyMembers) {

  public RunRequest {
    Objects.requireNonNull(trigger, "trigger");
  }
}
