package org.scimsync.engine.state;

import java.time.Instant;
import java.util.Objects;

/**
 * How a run started.
 *
 * @param trigger what started it: {@code cli}, {@code schedule}, {@code webhook}, {@code demo}
 * @param full true for a full run (target re-read), false for an incremental one
 * @param dryRun true when nothing is written to the target
 * @param startedAt when it started
 */
public record RunStart(String trigger, boolean full, boolean dryRun, Instant startedAt) {

  public RunStart {
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
