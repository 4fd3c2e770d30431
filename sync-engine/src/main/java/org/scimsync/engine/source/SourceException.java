package org.scimsync.engine.source;

import org.jspecify.annotations.Nullable;

/**
 * A directory source could not be read completely. {@link Kind#INVALID_INPUT} is malformed input
 * (exit code 2) and names the file and line; {@link Kind#UNAVAILABLE} is a source that cannot be
 * reached, timed out or refused the credentials (exit code 4).
 */
public class SourceException extends RuntimeException {

  /** The class of failure, which decides the exit code. */
  public enum Kind {
    /** Malformed LDIF/CSV or an invalid source configuration. */
    INVALID_INPUT,
    /** The source could not be reached, timed out, or refused authentication. */
    UNAVAILABLE
  }

  private static final long serialVersionUID = 1L;

  private final Kind kind;

  public SourceException(Kind kind, String message) {
    this(kind, message, null);
  }

  public SourceException(Kind kind, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
