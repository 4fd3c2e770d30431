package org.scimsync.mapping.internal.expression;

import java.util.Objects;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.jspecify.annotations.Nullable;

/** One compiled expression of a rule, with the configuration key it came from. Thread-safe. */
public final class RuleExpression {

  private final String key;
  private final JexlExpression expression;

  RuleExpression(String key, JexlExpression expression) {
    this.key = Objects.requireNonNull(key, "key");
    this.expression = Objects.requireNonNull(expression, "expression");
  }

  /** The configuration key, e.g. {@code users.map.displayName}. */
  public String key() {
    return key;
  }

  /** The expression as written in the configuration. */
  public String source() {
    return expression.getSourceText();
  }

  /**
   * Evaluates the expression for one entry.
   *
   * @throws ExpressionFailure naming the key, when the expression fails for this entry
   */
  public @Nullable Object evaluate(EntryContext context) {
    try {
      return expression.evaluate(context);
    } catch (JexlException e) {
      throw new ExpressionFailure(key, JexlMessages.describe(e));
    }
  }

  @Override
  public String toString() {
    return key + ": " + source();
  }
}
