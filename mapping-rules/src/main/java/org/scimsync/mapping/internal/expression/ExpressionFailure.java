package org.scimsync.mapping.internal.expression;

/**
 * An expression failed for one entry (null arithmetic, a missing method, a bad type). The message
 * names the configuration key and says what went wrong; the entry is rejected, others go on.
 */
public final class ExpressionFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ExpressionFailure(String message) {
    // no stack trace: this is an expected outcome for bad data, possibly for many entries
    super(message, null, false, false);
  }
}
