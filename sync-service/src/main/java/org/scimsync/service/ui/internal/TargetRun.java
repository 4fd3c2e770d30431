package org.scimsync.service.ui.internal;

import java.util.Comparator;
import org.scimsync.engine.state.RunRecord;

/** A run, the name of the target it ran for, and whether the page shows several targets. */
record TargetRun(String target, RunRecord run, boolean several) {

  /** Newest first: by start, then by id (ids grow within a store). */
  static final Comparator<TargetRun> NEWEST_FIRST =
      Comparator.comparing((TargetRun r) -> r.run().start().startedAt())
          .thenComparingLong(r -> r.run().id())
          .reversed();

  Views.RunLine line() {
    return Display.run(run, target, several);
  }
}
