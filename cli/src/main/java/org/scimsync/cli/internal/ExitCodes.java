package org.scimsync.cli.internal;

import org.scimsync.cli.CliException;
import org.scimsync.cli.ExitCode;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.engine.state.StateStoreException;

/** Maps the failures of every module to the documented exit codes and user-facing messages. */
public final class ExitCodes {

  private ExitCodes() {}

  /** The exit code a failure ends the process with. */
  public static ExitCode of(Throwable failure) {
    if (failure instanceof CliException cli) {
      return cli.exitCode();
    }
    if (failure instanceof SourceException source) {
      return source.kind() == SourceException.Kind.INVALID_INPUT
          ? ExitCode.INVALID
          : ExitCode.UNREACHABLE;
    }
    if (failure instanceof StateLockedException) {
      return ExitCode.SAFETY_STOP;
    }
    if (failure instanceof StateStoreException) {
      return ExitCode.INVALID;
    }
    return ExitCode.PARTIAL_FAILURE;
  }

  /** The one-line message shown for a failure; never a secret, never a stack trace. */
  public static String describe(Throwable failure) {
    String message = failure.getMessage();
    if (failure instanceof CliException
        || failure instanceof SourceException
        || failure instanceof StateStoreException) {
      return message == null ? failure.getClass().getSimpleName() : message;
    }
    return "unexpected " + failure.getClass().getName() + (message == null ? "" : ": " + message);
  }
}
