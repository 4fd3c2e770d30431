package org.scimsync.engine.concurrent;

/** The run was stopped (stop signal or interrupt) while it waited for the source or the target. */
public final class RunStoppedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what stopped it
   */
  public RunStoppedException(String message) {
    super(message);
  }
}
