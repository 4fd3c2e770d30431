package org.scimsync.engine;

/** The classes of failure of a run, each with the exit code of the command line. */
public enum ErrorKind {
  /** Invalid configuration or input (exit 2). */
  INVALID_INPUT(2),
  /** A safety guard or a stale saved plan stopped the run (exit 3). */
  SAFETY_STOP(3),
  /** The source or target is unreachable, or authentication was refused (exit 4). */
  UNAVAILABLE(4),
  /** Another run holds the state store's lock (exit 4). */
  LOCKED(4);

  private final int exitCode;

  ErrorKind(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The exit code of the command line for this failure. */
  public int exitCode() {
    return exitCode;
  }
}
