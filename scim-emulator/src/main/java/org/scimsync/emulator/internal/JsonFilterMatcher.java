package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.AttributePresentExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.filter.ValuePathExpression;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a parsed SCIM filter on a JSON resource (or, with a scope, on one element of a
 * multi-valued attribute). Attribute names and string comparisons are case-insensitive; a
 * multi-valued attribute matches when any of its values does.
 */
final class JsonFilterMatcher {
  private JsonFilterMatcher() {}

  /** Whether {@code node} matches; {@code scope} names the multi-valued attribute it belongs to. */
  static boolean matches(FilterExpression expression, JsonNode node, @Nullable String scope) {
    if (expression instanceof LogicalExpression logical) {
      boolean left = matches(logical.getLeft(), node, scope);
      if (logical.getOperator() == LogicalOperator.AND) {
        return left && matches(logical.getRight(), node, scope);
      }
      return left || matches(logical.getRight(), node, scope);
    }
    if (expression instanceof GroupExpression group) {
      return group.isNot() != matches(group.getFilterExpression(), node, scope);
    }
    if (expression instanceof AttributePresentExpression present) {
      return values(present.getAttributePath(), node, scope).stream()
          .anyMatch(v -> !v.isNull() && !(v.isTextual() && v.asText().isEmpty()));
    }
    if (expression instanceof AttributeComparisonExpression comparison) {
      List<JsonNode> values = values(comparison.getAttributePath(), node, scope);
      if (comparison.getOperation() == CompareOperator.NE) {
        return values.stream().noneMatch(v -> compare(v, CompareOperator.EQ, comparison));
      }
      return values.stream().anyMatch(v -> compare(v, comparison.getOperation(), comparison));
    }
    if (expression instanceof ValuePathExpression valuePath) {
      AttributeReference ref = valuePath.getAttributePath();
      JsonNode container = container(ref, node);
      String attribute = ref.getAttributeName();
      for (JsonNode element : iterable(field(container, attribute))) {
        if (matches(valuePath.getAttributeExpression(), element, attribute)) {
          return true;
        }
      }
      return false;
    }
    throw ScimProblem.invalidFilter("Unsupported filter expression: " + expression.toFilter());
  }

  private static boolean compare(
      JsonNode actual, CompareOperator op, AttributeComparisonExpression comparison) {
    Object expected = comparison.getCompareValue();
    if (expected == null) {
      return actual.isNull();
    }
    if (expected instanceof Boolean b) {
      return actual.isBoolean() && actual.asBoolean() == b && op == CompareOperator.EQ;
    }
    if (expected instanceof Number n) {
      if (!actual.isNumber()) {
        return false;
      }
      return ordered(Double.compare(actual.asDouble(), n.doubleValue()), op);
    }
    if (!actual.isValueNode()) {
      return false;
    }
    String a = actual.asText().toLowerCase(Locale.ROOT);
    String e = expected.toString().toLowerCase(Locale.ROOT);
    return switch (op) {
      case EQ -> a.equals(e);
      case CO -> a.contains(e);
      case SW -> a.startsWith(e);
      case EW -> a.endsWith(e);
      case GT, GE, LT, LE -> ordered(a.compareTo(e), op);
      case NE, PR -> false;
    };
  }

  private static boolean ordered(int cmp, CompareOperator op) {
    return switch (op) {
      case EQ -> cmp == 0;
      case NE -> cmp != 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      default -> false;
    };
  }

  /** The values a reference points at, flattening multi-valued attributes. */
  private static List<JsonNode> values(
      AttributeReference ref, JsonNode node, @Nullable String scope) {
    List<JsonNode> result = new ArrayList<>();
    String attribute = ref.getAttributeName();
    String sub = ref.getSubAttributeName();
    if (scope != null) {
      String inElement = attribute.equalsIgnoreCase(scope) ? sub : attribute;
      collect(inElement == null ? node : field(node, inElement), null, result);
      return result;
    }
    collect(field(container(ref, node), attribute), sub, result);
    return result;
  }

  private static void collect(@Nullable JsonNode node, @Nullable String sub, List<JsonNode> out) {
    if (node == null || node.isMissingNode()) {
      return;
    }
    for (JsonNode element : iterable(node)) {
      if (sub != null) {
        JsonNode value = field(element, sub);
        if (value != null) {
          collect(value, null, out);
        }
      } else if (element.isObject() && element.has("value")) {
        out.add(element.get("value"));
      } else {
        out.add(element);
      }
    }
  }

  private static JsonNode container(AttributeReference ref, JsonNode node) {
    if (ref.getUrn() == null || ResourceDocuments.USER_SCHEMA.equalsIgnoreCase(ref.getUrn())) {
      return node;
    }
    JsonNode extension = field(node, ref.getUrn());
    return extension == null
        ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : extension;
  }

  private static Iterable<JsonNode> iterable(@Nullable JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    return node.isArray() ? node : List.of(node);
  }

  /** A field of an object by case-insensitive name. */
  static @Nullable JsonNode field(@Nullable JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode exact = node.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      if (f.getKey().equalsIgnoreCase(name)) {
        return f.getValue();
      }
    }
    return null;
  }
}
