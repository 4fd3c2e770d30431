package org.scimsync.cli.exit;

/** The process exit codes of scim-sync, as documented for users and scripts. */
public enum ExitCode {
  /** Every change applied, or nothing to do. */
  OK(0),
  /** Some changes failed; the others were applied. */
  PARTIAL_FAILURE(1),
  /** Invalid configuration, input or usage. */
  INVALID(2),
  /** Stopped by a safety guard; nothing destructive applied. */
  SAFETY_STOP(3),
  /** Source or target unreachable, or authentication refused. */
  UNREACHABLE(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The numeric process exit code. */
  public int code() {
    return code;
  }
}
