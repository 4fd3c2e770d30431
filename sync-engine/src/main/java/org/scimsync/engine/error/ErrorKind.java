package org.scimsync.engine.error;

/** The classes of failure of a run; the command line maps each to its exit code. */
public enum ErrorKind {
  /** Invalid configuration or input. */
  INVALID_INPUT,
  /** A safety guard or a stale saved plan stopped the run. */
  SAFETY_STOP,
  /** The source or target is unreachable, or authentication was refused. */
  UNAVAILABLE,
  /** Another run holds the state store's lock. */
  LOCKED;
}
