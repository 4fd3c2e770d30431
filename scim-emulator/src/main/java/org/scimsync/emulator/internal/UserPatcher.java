package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies PATCH operations to a user's attributes, then validates the result with the profile's
 * {@link UserRules}. AWS profile: only the patchable attributes of AWS-IDENTITY-CENTER.md may be
 * targeted; {@code userName} and {@code active} cannot be removed nor appear twice in one request;
 * an operation without {@code path} may change one attribute only.
 */
final class UserPatcher {
  private static final Set<String> MULTI_VALUED =
      Set.of("emails", "phonenumbers", "addresses", "roles", "ims", "photos", "entitlements");

  private final boolean aws;
  private final UserRules rules;

  UserPatcher(boolean aws, UserRules rules) {
    this.aws = aws;
    this.rules = rules;
  }

  /** Checks the request as a whole (before touching any user). */
  List<PatchOperation> parse(JsonNode body) {
    List<PatchOperation> operations = PatchOperation.parse(body);
    if (aws) {
      PatchOperation.requireOneAttributeWithoutPath(operations);
      Set<String> seen = new HashSet<>();
      for (PatchOperation operation : operations) {
        for (String top : targets(operation)) {
          String lower = top.toLowerCase(Locale.ROOT);
          if (!UserRules.patchable(top)) {
            throw ScimProblem.invalidPath("Attribute '" + top + "' cannot be patched.");
          }
          boolean once = lower.equals("username") || lower.equals("active");
          if (once && operation.isRemove()) {
            throw ScimProblem.mutability("Attribute '" + top + "' cannot be removed.");
          }
          if (once && !seen.add(lower)) {
            throw ScimProblem.invalidValue(
                "Attribute '" + top + "' cannot appear more than once in a request.");
          }
        }
      }
    }
    return operations;
  }

  private static List<String> targets(PatchOperation operation) {
    if (operation.path() != null) {
      return List.of(PatchPath.parse(operation.path()).top());
    }
    JsonNode value = operation.value();
    if (value == null || !value.isObject()) {
      throw ScimProblem.invalidValue("A PATCH operation without a path needs an object value.");
    }
    return iterableNames(value);
  }

  private static List<String> iterableNames(JsonNode value) {
    List<String> names = new java.util.ArrayList<>();
    value.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Applies parsed operations to a copy of the attributes and validates the result. */
  ObjectNode apply(ObjectNode attributes, List<PatchOperation> operations) {
    for (PatchOperation operation : operations) {
      if (operation.path() == null) {
        for (Map.Entry<String, JsonNode> field : operation.value().properties()) {
          PatchPath path = PatchPath.parse(field.getKey());
          applyAt(attributes, path.segments(), path, operation, field.getValue());
        }
      } else {
        PatchPath path = PatchPath.parse(operation.path());
        applyAt(attributes, path.segments(), path, operation, operation.value());
      }
    }
    return rules.normalize(attributes);
  }

  private void applyAt(
      ObjectNode node, List<String> segments, PatchPath path, PatchOperation op, JsonNode value) {
    String name =
        segments.size() == path.segments().size()
            ? UserRules.canonical(segments.get(0))
            : existingName(node, segments.get(0));
    if (segments.size() == path.segments().size() && path.filter() != null) {
      applyFiltered(node, name, path, op, value);
      return;
    }
    if (segments.size() == 1) {
      applyLeaf(node, name, op, value);
      return;
    }
    JsonNode child = JsonFilterMatcher.field(node, name);
    if (child == null || child.isNull()) {
      if (op.isRemove()) {
        return;
      }
      child = node.putObject(name);
    }
    List<String> rest = segments.subList(1, segments.size());
    if (child.isArray()) {
      for (JsonNode element : child) {
        if (element.isObject()) {
          applyAt((ObjectNode) element, rest, path, op, value);
        }
      }
    } else if (child.isObject()) {
      applyAt((ObjectNode) child, rest, path, op, value);
    } else {
      throw ScimProblem.invalidPath("Attribute '" + name + "' has no sub-attributes.");
    }
  }

  private static String existingName(ObjectNode node, String name) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String existing = names.next();
      if (existing.equalsIgnoreCase(name)) {
        return existing;
      }
    }
    return name;
  }

  private void applyFiltered(
      ObjectNode node, String name, PatchPath path, PatchOperation op, JsonNode value) {
    JsonNode array = JsonFilterMatcher.field(node, name);
    ArrayNode kept = ResourceDocuments.MAPPER.createArrayNode();
    boolean matched = false;
    String sub = path.segments().size() > 1 ? path.segments().get(1) : null;
    for (JsonNode element : array == null || !array.isArray() ? List.<JsonNode>of() : array) {
      boolean hit = JsonFilterMatcher.matches(path.filter(), element, name);
      matched |= hit;
      if (!hit) {
        kept.add(element);
      } else if (op.isRemove()) {
        if (sub != null && element.isObject()) {
          ((ObjectNode) element).remove(existingName((ObjectNode) element, sub));
          kept.add(element);
        }
      } else if (sub != null && element.isObject()) {
        ((ObjectNode) element).set(existingName((ObjectNode) element, sub), value);
        kept.add(element);
      } else if (value.isObject() && element.isObject()) {
        ((ObjectNode) element).setAll((ObjectNode) value);
        kept.add(element);
      } else {
        throw ScimProblem.invalidValue("The value for '" + op.path() + "' must be an object.");
      }
    }
    if (!matched && !op.isRemove()) {
      throw ScimProblem.noTarget("No value matches the path '" + op.path() + "'.");
    }
    if (kept.isEmpty()) {
      node.remove(name);
    } else {
      node.set(name, kept);
    }
  }

  private static void applyLeaf(ObjectNode node, String name, PatchOperation op, JsonNode value) {
    String existingName = existingName(node, name);
    JsonNode existing = node.get(existingName);
    if (op.isRemove()) {
      node.remove(existingName);
      return;
    }
    node.remove(existingName);
    boolean multi = MULTI_VALUED.contains(name.toLowerCase(Locale.ROOT));
    if (multi) {
      ArrayNode values = ResourceDocuments.MAPPER.createArrayNode();
      if (op.op().equals("add") && existing != null && existing.isArray()) {
        values.addAll((ArrayNode) existing);
      }
      if (value.isArray()) {
        values.addAll((ArrayNode) value);
      } else {
        values.add(value);
      }
      node.set(name, values);
    } else if (existing != null && existing.isObject() && value.isObject()) {
      ObjectNode merged = existing.deepCopy();
      merged.setAll((ObjectNode) value);
      node.set(name, merged);
    } else {
      node.set(name, value);
    }
  }
}
