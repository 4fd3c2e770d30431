package org.scimsync.mapping;

/**
 * The root of the exceptions this module throws. Objects that cannot be mapped are not exceptions:
 * they are {@link MappingResult.Rejected} results.
 */
public abstract sealed class MappingException extends RuntimeException
    permits MappingConfigException {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The mapping configuration is invalid. */
    INVALID_CONFIG
  }

  MappingException(String message, Throwable cause) {
    super(message, cause);
  }

  /** What kind of error this is. */
  public abstract Kind kind();
}
