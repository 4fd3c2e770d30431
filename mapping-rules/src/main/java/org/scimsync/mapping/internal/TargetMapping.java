package org.scimsync.mapping.internal;

import java.util.Objects;
import org.scimsync.mapping.internal.expression.RuleExpression;
import org.scimsync.mapping.internal.schema.AttributePath;

/**
 * One {@code map:} entry: the target attribute and the compiled expression that fills it.
 *
 * @param essential whether a failure of the expression rejects the object (an attribute the profile
 *     requires, or {@code active}); otherwise the attribute is left out, with a warning
 */
record TargetMapping(
    AttributePath target, String label, RuleExpression expression, boolean essential) {
  TargetMapping {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(expression, "expression");
  }
}
