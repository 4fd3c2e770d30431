package org.scimsync.cli.exit;

import java.util.List;
import org.scimsync.client.ScimException;
import org.scimsync.emulator.EmulatorException;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.engine.target.TargetException;
import org.scimsync.mapping.MappingException;
import org.scimsync.service.ServiceException;

/** Maps the failures of every module to the documented exit codes and user-facing messages. */
public final class ExitCodes {

  private ExitCodes() {}

  /**
   * The exit code of a command that ran several targets: the most serious of theirs — invalid input
   * first, then unreachable, stopped by a safety guard, some changes failed, all well.
   */
  public static ExitCode worst(java.util.Collection<ExitCode> codes) {
    List<ExitCode> order =
        List.of(
            ExitCode.INVALID,
            ExitCode.UNREACHABLE,
            ExitCode.SAFETY_STOP,
            ExitCode.PARTIAL_FAILURE,
            ExitCode.OK);
    return order.stream().filter(codes::contains).findFirst().orElse(ExitCode.OK);
  }

  /** The exit code a failure ends the process with. */
  public static ExitCode of(Throwable failure) {
    if (failure instanceof CliException cli) {
      return cli.exitCode();
    }
    if (failure instanceof SyncException sync) {
      return of(sync.kind());
    }
    if (failure instanceof ScimException scim) {
      return switch (scim.kind()) {
        case CHANGE_REJECTED -> ExitCode.PARTIAL_FAILURE;
        case UNSUPPORTED -> ExitCode.INVALID;
        case AUTH_REFUSED, TARGET_UNAVAILABLE -> ExitCode.UNREACHABLE;
      };
    }
    if (failure instanceof ServiceException service) {
      return switch (service.kind()) {
        case INVALID_CONFIGURATION -> ExitCode.INVALID;
        case UNAVAILABLE -> ExitCode.UNREACHABLE;
      };
    }
    if (failure instanceof EmulatorException emulator) {
      return switch (emulator.kind()) {
        case INVALID_INPUT -> ExitCode.INVALID;
        case UNAVAILABLE -> ExitCode.UNREACHABLE;
      };
    }
    if (failure instanceof MappingException mapping) {
      return switch (mapping.kind()) {
        case INVALID_CONFIG -> ExitCode.INVALID;
      };
    }
    if (failure instanceof TargetException target) {
      return switch (target.kind()) {
        case UNAUTHORIZED, UNAVAILABLE -> ExitCode.UNREACHABLE;
        case CONFLICT, NOT_FOUND, BAD_REQUEST -> ExitCode.PARTIAL_FAILURE;
      };
    }
    if (failure instanceof SourceException source) {
      return source.kind() == SourceException.Kind.INVALID_INPUT
          ? ExitCode.INVALID
          : ExitCode.UNREACHABLE;
    }
    if (failure instanceof StateLockedException) {
      return ExitCode.UNREACHABLE;
    }
    if (failure instanceof StateStoreException) {
      return ExitCode.INVALID;
    }
    return ExitCode.PARTIAL_FAILURE;
  }

  /** The exit code of a run that ended with {@code status}. */
  public static ExitCode of(RunStatus status) {
    return switch (status) {
      case SUCCEEDED -> ExitCode.OK;
      case PARTIAL -> ExitCode.PARTIAL_FAILURE;
      case STOPPED_BY_GUARD -> ExitCode.SAFETY_STOP;
      case FAILED -> ExitCode.UNREACHABLE;
      case RUNNING -> throw new IllegalArgumentException("a finished run cannot be RUNNING");
    };
  }

  /** The exit code of a run that could not be carried out for {@code kind}. */
  public static ExitCode of(ErrorKind kind) {
    return switch (kind) {
      case INVALID_INPUT -> ExitCode.INVALID;
      case SAFETY_STOP -> ExitCode.SAFETY_STOP;
      case UNAVAILABLE, LOCKED -> ExitCode.UNREACHABLE;
    };
  }

  /** The one-line message shown for a failure; never a secret, never a stack trace. */
  public static String describe(Throwable failure) {
    String message = failure.getMessage();
    boolean known =
        failure instanceof CliException
            || failure instanceof SyncException
            || failure instanceof ScimException
            || failure instanceof EmulatorException
            || failure instanceof MappingException
            || failure instanceof ServiceException
            || failure instanceof TargetException
            || failure instanceof SourceException
            || failure instanceof StateStoreException;
    if (known) {
      return message == null ? failure.getClass().getSimpleName() : message;
    }
    return "unexpected " + failure.getClass().getName() + (message == null ? "" : ": " + message);
  }
}
