package org.scimsync.engine.apply;

/**
 * Follows a run while it applies its plan, for progress bars and metrics. Called from the
 * executor's worker threads: implementations must be thread-safe, quick, and must not throw.
 */
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {};

  /**
   * The plan is ready and about to be applied.
   *
   * @param total how many changes the plan holds (each ends with one {@link #onChangeFinished})
   */
  default void onPlanned(int total) {}

  /** One change ended: applied, failed, or skipped (guard, shutdown, stopped run). */
  default void onChangeFinished(ChangeResult result) {}
}
