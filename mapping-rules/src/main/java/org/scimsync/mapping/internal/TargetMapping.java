package org.scimsync.mapping.internal;

import java.util.Objects;
import org.scimsync.mapping.internal.expression.RuleExpression;
import org.scimsync.mapping.internal.schema.AttributePath;

/** One {@code map:} entry: the target attribute and the compiled expression that fills it. */
record TargetMapping(AttributePath target, String label, RuleExpression expression) {
  TargetMapping {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(expression, "expression");
  }
}
