package org.scimsync.emulator;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The unchecked exception of the emulator module; its {@link Kind} maps to a CLI exit code. */
public class EmulatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, with the process exit code the CLI uses for it. */
  public enum Kind {
    /** Invalid settings, arguments or seed data. */
    INVALID_INPUT(2),
    /** The emulator could not start or serve (for example the port is in use). */
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
