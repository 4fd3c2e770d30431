package org.scimsync.mapping.internal.expression;

import java.util.Objects;
import org.scimsync.mapping.MappingResult;

/**
 * An expression failed for one entry (null arithmetic, a missing method, a bad type). The message
 * is {@code key: detail}; the detail says what went wrong without the entry's values, so that equal
 * failures of different entries compare equal ({@link #failure()}).
 */
public final class ExpressionFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final String detail;

  /**
   * @param key the configuration key, e.g. {@code users.map.displayName}
   * @param detail what went wrong, e.g. {@code null operand for '+' at column 24 (in 'user.sn')}
   */
  public ExpressionFailure(String key, String detail) {
    // no stack trace: this is an expected outcome for bad data, possibly for many entries
    super(
        Objects.requireNonNull(key, "key") + ": " + Objects.requireNonNull(detail, "detail"),
        null,
        false,
        false);
    this.key = key;
    this.detail = detail;
  }

  /** The configuration key of the expression that failed. */
  public String key() {
    return key;
  }

  /** Which expression failed and how, comparable between entries. */
  public MappingResult.Failure failure() {
    return new MappingResult.Failure(key, detail);
  }
}
