package org.scimsync.engine.service;

import org.jspecify.annotations.Nullable;

/**
 * Service mode could not be set up or started. {@link Kind#INVALID_CONFIGURATION} (exit code 2)
 * names the configuration key at fault, never its value; {@link Kind#UNAVAILABLE} (exit code 4) is
 * a listen address that cannot be bound or a scheduler that cannot start.
 */
public class ServiceException extends RuntimeException {

  /** The class of failure, which decides the exit code. */
  public enum Kind {
    /** A {@code schedule.*} or {@code webhook.*} value is invalid. */
    INVALID_CONFIGURATION(2),
    /** The listen address cannot be bound or the scheduler cannot start. */
    UNAVAILABLE(4);

    private final int exitCode;

    Kind(int exitCode) {
      this.exitCode = exitCode;
    }

    /** The CLI exit code for this kind. */
    public int exitCode() {
      return exitCode;
    }
  }

  private static final long serialVersionUID = 1L;

  private final Kind kind;

  public ServiceException(Kind kind, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
