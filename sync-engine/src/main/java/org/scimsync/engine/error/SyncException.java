package org.scimsync.engine.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A run could not be carried out; {@link #kind()} decides the exit code. Never holds a secret. */
public class SyncException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;

  public SyncException(ErrorKind kind, String message) {
    this(kind, message, null);
  }

  public SyncException(ErrorKind kind, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The class of failure. */
  public ErrorKind kind() {
    return kind;
  }
}
