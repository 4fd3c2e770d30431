package org.scimsync.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.jspecify.annotations.Nullable;

/**
 * Turns the {@code filter} parameter of a list request into a {@link Selection}, parsing it with
 * SCIMple's filter grammar.
 *
 * <p>AWS profile: only {@code eq} joined by {@code and}; users on {@code userName}, {@code
 * externalId}, {@code id}, {@code groups.value} and {@code manager} (the last only with another
 * term), groups on {@code displayName}, {@code externalId}, {@code id} and {@code members.value}
 * (or {@code members}); anything else 400, and so are a {@code displayName} value with non-ASCII
 * characters ("Invalid filter", as reported for AWS) and an empty member id. RFC 7644 profile: any
 * filter; conjunctions of {@code eq} on those attributes use the indexes, the rest is evaluated on
 * each resource.
 */
final class ListFilters {
  private static final Map<String, Selection.Field> USER_FIELDS =
      Map.of(
          "id", Selection.Field.ID,
          "username", Selection.Field.USER_NAME,
          "externalid", Selection.Field.EXTERNAL_ID,
          "groups.value", Selection.Field.GROUP,
          "groups", Selection.Field.GROUP,
          "manager", Selection.Field.MANAGER,
          "manager.value", Selection.Field.MANAGER);
  private static final Map<String, Selection.Field> GROUP_FIELDS =
      Map.of(
          "id", Selection.Field.ID,
          "displayname", Selection.Field.DISPLAY_NAME,
          "externalid", Selection.Field.EXTERNAL_ID,
          "members.value", Selection.Field.MEMBER,
          "members", Selection.Field.MEMBER);

  private final boolean aws;

  ListFilters(boolean aws) {
    this.aws = aws;
  }

  Selection users(@Nullable String filter) {
    return select(filter, USER_FIELDS);
  }

  Selection groups(@Nullable String filter) {
    Selection selection = select(filter, GROUP_FIELDS);
    if (aws && selection instanceof Selection.Terms terms) {
      for (Selection.Term term : terms.terms()) {
        if (term.field() == Selection.Field.DISPLAY_NAME && !ascii(term.value())) {
          throw ScimProblem.invalidFilter(
              "Invalid filter: displayName eq with non-ASCII characters is not supported.");
        }
        if (term.field() == Selection.Field.MEMBER && term.value().isEmpty()) {
          throw ScimProblem.invalidFilter("Invalid filter: the member id is empty.");
        }
      }
    }
    return selection;
  }

  private static boolean ascii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  private Selection select(@Nullable String filter, Map<String, Selection.Field> fields) {
    if (filter == null || filter.isBlank()) {
      return new Selection.All();
    }
    FilterExpression expression = parse(filter);
    List<Selection.Term> terms = new ArrayList<>();
    String problem = collectTerms(expression, fields, terms);
    if (problem == null && terms.stream().anyMatch(t -> t.field() != Selection.Field.MANAGER)) {
      return new Selection.Terms(terms);
    }
    if (aws) {
      throw ScimProblem.invalidFilter(
          problem != null ? problem : "Filtering on manager needs another attribute.");
    }
    return new Selection.Scan(node -> JsonFilterMatcher.matches(expression, node, null));
  }

  /** Collects eq terms; returns why the expression is not a conjunction of them, or null. */
  private static @Nullable String collectTerms(
      FilterExpression expression, Map<String, Selection.Field> fields, List<Selection.Term> out) {
    if (expression instanceof LogicalExpression logical) {
      if (logical.getOperator() != LogicalOperator.AND) {
        return "Only the 'and' operator is supported.";
      }
      String left = collectTerms(logical.getLeft(), fields, out);
      return left != null ? left : collectTerms(logical.getRight(), fields, out);
    }
    if (!(expression instanceof AttributeComparisonExpression comparison)) {
      return "Unsupported filter expression: " + expression.toFilter();
    }
    if (comparison.getOperation() != CompareOperator.EQ) {
      return "Only the 'eq' comparison is supported.";
    }
    Selection.Field field = fields.get(attributeKey(comparison.getAttributePath()));
    if (field == null) {
      return "Filtering on '"
          + comparison.getAttributePath().getFullAttributeName()
          + "' is not supported.";
    }
    if (!(comparison.getCompareValue() instanceof String value)) {
      return "The compared value must be a string.";
    }
    out.add(new Selection.Term(field, value));
    return null;
  }

  private static String attributeKey(AttributeReference ref) {
    String name = ref.getAttributeName().toLowerCase(Locale.ROOT);
    if (ref.getSubAttributeName() != null) {
      name = name + "." + ref.getSubAttributeName().toLowerCase(Locale.ROOT);
    }
    boolean enterprise =
        ref.getUrn() != null && ref.getUrn().equalsIgnoreCase(ResourceDocuments.ENTERPRISE_USER);
    if (ref.getUrn() != null
        && !enterprise
        && !ref.getUrn().toLowerCase(Locale.ROOT).contains(":core:")) {
      return "?" + name;
    }
    if (enterprise && !name.startsWith("manager")) {
      return "?" + name;
    }
    return name;
  }

  /**
   * Parses a filter with SCIMple's grammar (non-ASCII literals carried by {@link FilterLiterals});
   * 400 invalidFilter if it does not parse.
   */
  static FilterExpression parse(String filter) {
    boolean encoded = FilterLiterals.needsEncoding(filter);
    try {
      FilterExpression expression =
          new Filter(encoded ? FilterLiterals.encode(filter) : filter).getExpression();
      if (expression == null) {
        throw ScimProblem.invalidFilter("Invalid filter: " + filter);
      }
      return encoded ? FilterLiterals.decode(expression) : expression;
    } catch (FilterParseException | RuntimeException e) {
      if (e instanceof ScimProblem problem) {
        throw problem;
      }
      throw ScimProblem.invalidFilter("Invalid filter: " + filter);
    }
  }
}
