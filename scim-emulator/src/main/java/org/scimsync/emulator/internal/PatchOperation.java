package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One operation of a SCIM PATCH request.
 *
 * @param op {@code add}, {@code replace} or {@code remove} (lower case)
 * @param path the target path, if any
 * @param value the value, if any
 */
record PatchOperation(String op, @Nullable String path, @Nullable JsonNode value) {

  /** The detail AWS gives for a path-less operation changing more than one attribute. */
  static final String ONE_ATTRIBUTE_WITHOUT_PATH =
      "Current PATCH support allows omitting \"path\" attribute only for Add and Replace"
          + " operations modifying a single attribute";

  boolean isRemove() {
    return op.equals("remove");
  }

  boolean isReplace() {
    return op.equals("replace");
  }

  /** Parses a PatchOp body; 400 when it is not one or holds no operations. */
  static List<PatchOperation> parse(JsonNode body) {
    JsonNode operations = JsonFilterMatcher.field(body, "Operations");
    if (!body.isObject() || operations == null || !operations.isArray() || operations.isEmpty()) {
      throw ScimProblem.invalidSyntax(ScimProblem.UNPARSABLE);
    }
    List<PatchOperation> result = new ArrayList<>();
    for (JsonNode operation : operations) {
      JsonNode op = JsonFilterMatcher.field(operation, "op");
      if (op == null || !op.isTextual()) {
        throw ScimProblem.invalidSyntax(ScimProblem.UNPARSABLE);
      }
      String name = op.asText().toLowerCase(Locale.ROOT);
      if (!name.equals("add") && !name.equals("replace") && !name.equals("remove")) {
        throw ScimProblem.invalidSyntax("Unsupported PATCH operation '" + op.asText() + "'.");
      }
      JsonNode path = JsonFilterMatcher.field(operation, "path");
      if (path != null && !path.isNull() && !path.isTextual()) {
        throw ScimProblem.invalidPath("The PATCH path must be a string.");
      }
      String pathText = path == null || path.isNull() ? null : path.asText().trim();
      JsonNode value = JsonFilterMatcher.field(operation, "value");
      if (name.equals("remove") && (pathText == null || pathText.isEmpty())) {
        throw ScimProblem.noTarget("A remove operation needs a path.");
      }
      if (!name.equals("remove") && value == null) {
        throw ScimProblem.invalidValue("The " + name + " operation needs a value.");
      }
      result.add(new PatchOperation(name, pathText, value));
    }
    return result;
  }

  /**
   * AWS: an {@code add} or {@code replace} without {@code path} may change one attribute only (its
   * value object has one member; a complex attribute such as {@code name} counts as one).
   */
  static void requireOneAttributeWithoutPath(List<PatchOperation> operations) {
    for (PatchOperation operation : operations) {
      JsonNode value = operation.value();
      if (operation.path() == null && value != null && value.isObject() && value.size() > 1) {
        throw ScimProblem.invalidValue(ONE_ATTRIBUTE_WITHOUT_PATH);
      }
    }
  }
}
