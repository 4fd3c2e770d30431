package org.scimsync.mapping;

/**
 * The root of the exceptions this module throws. Objects that cannot be mapped are not exceptions:
 * they are {@link MappingResult.Rejected} results.
 */
public abstract sealed class MappingException extends RuntimeException
    permits MappingConfigException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, and the command-line exit code it leads to. */
  public enum Kind {
    /** The mapping configuration is invalid: exit code 2. */
    INVALID_CONFIG(2);

    private final int exitCode;

    Kind(int exitCode) {
      this.exitCode = exitCode;
    }

    /** The exit code of the command line for this kind of error. */
    public int exitCode() {
      return exitCode;
    }
  }

  MappingException(String message, Throwable cause) {
    super(message, cause);
  }

  /** What kind of error this is. */
  public abstract Kind kind();
}
