package org.scimsync.emulator;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The unchecked exception of the emulator module; its {@link Kind} says what went wrong. */
public class EmulatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** Invalid settings, arguments or seed data. */
    INVALID_INPUT,
    /** The emulator could not start or serve (for example the port is in use). */
    UNAVAILABLE
  }

  private final Kind kind;

  /** Creates an exception of the given kind. */
  public EmulatorException(Kind kind, String message) {
    this(kind, message, null);
  }

  /** Creates an exception of the given kind with a cause. */
  public EmulatorException(Kind kind, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }
}
