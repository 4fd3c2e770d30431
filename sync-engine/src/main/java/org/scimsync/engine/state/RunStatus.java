package org.scimsync.engine.state;

/** How a run ended. */
public enum RunStatus {
  /** Still running, or killed before it could record its end. */
  RUNNING,
  /** Every change applied, or nothing to do. */
  SUCCEEDED,
  /** Some changes failed; the others were applied. */
  PARTIAL,
  /** A safety guard stopped the destructive part (or all) of the run. */
  STOPPED_BY_GUARD,
  /** The run could not proceed: source or target unreachable, authentication refused. */
  FAILED
}
