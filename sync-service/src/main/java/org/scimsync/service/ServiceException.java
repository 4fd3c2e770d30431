package org.scimsync.service;

import org.jspecify.annotations.Nullable;

/**
 * Service mode could not be set up or started. {@link Kind#INVALID_CONFIGURATION} names the
 * configuration key at fault, never its value; {@link Kind#UNAVAILABLE} is a listen address that
 * cannot be bound or a scheduler that cannot start.
 */
public class ServiceException extends RuntimeException {

  /** The class of failure. */
  public enum Kind {
    /** A {@code schedule.*} or {@code webhook.*} value is invalid. */
    INVALID_CONFIGURATION,
    /** The listen address cannot be bound or the scheduler cannot start. */
    UNAVAILABLE
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
