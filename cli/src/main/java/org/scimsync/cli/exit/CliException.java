package org.scimsync.cli.exit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one unchecked exception hierarchy of the command line. Its {@link ExitCode} becomes the
 * process exit code; its message is shown to the user and never contains a secret.
 */
public class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  public CliException(ExitCode exitCode, String message) {
    this(exitCode, message, null);
  }

  public CliException(ExitCode exitCode, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
  }

  /** The exit code this failure ends the process with. */
  public ExitCode exitCode() {
    return exitCode;
  }
}
