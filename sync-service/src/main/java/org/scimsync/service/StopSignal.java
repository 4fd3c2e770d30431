package org.scimsync.service;

/**
 * Tells a run that the service is shutting down. The engine polls it between changes: once it
 * answers true, the engine finishes the change in flight, journals it, records the run and returns
 * instead of starting the next change.
 */
@FunctionalInterface
public interface StopSignal {

  /** A signal that is never raised (for one-shot runs and tests). */
  StopSignal NEVER = () -> false;

  /** True once the run should stop at the next change boundary. */
  boolean stopRequested();
}
