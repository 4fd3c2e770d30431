package org.scimsync.mapping;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A mapping rule cannot be compiled: a broken expression, an expression using something the sandbox
 * refuses, an unknown or conflicting target attribute, or an unknown {@code drop} attribute.
 *
 * <p>{@link #key()} is the configuration key ({@code users.map.displayName}, {@code
 * groups.include}, {@code users.drop}); {@link #detail()} says what is wrong, including the
 * parser's message and column for a broken expression; {@link #getMessage()} is {@code key:
 * detail}. The configuration loader adds the file name and line.
 */
public final class MappingConfigException extends MappingException {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final String detail;

  /** A problem with the rule at {@code key}. */
  public MappingConfigException(String key, String detail) {
    this(key, detail, null);
  }

  /** A problem with the rule at {@code key}, found by a library that threw {@code cause}. */
  public MappingConfigException(String key, String detail, @Nullable Throwable cause) {
    super(
        Objects.requireNonNull(key, "key") + ": " + Objects.requireNonNull(detail, "detail"),
        cause);
    this.key = key;
    this.detail = detail;
  }

  /** The configuration key of the broken rule, e.g. {@code users.map.displayName}. */
  public String key() {
    return key;
  }

  /** What is wrong with the rule, without the key. */
  public String detail() {
    return detail;
  }

  @Override
  public Kind kind() {
    return Kind.INVALID_CONFIG;
  }
}
