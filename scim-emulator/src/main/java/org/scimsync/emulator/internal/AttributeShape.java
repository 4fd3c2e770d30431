package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shape of one supported top-level attribute: a string, a boolean, a complex attribute or a
 * multi-valued complex attribute with a fixed set of sub-attributes. Normalising checks the JSON
 * types and the {@link IdentityStoreText} rule of every string strictly and gives attribute names
 * their canonical spelling (SCIM names are case-insensitive).
 */
record AttributeShape(String name, Kind kind, List<String> subAttributes) {

  /** The kind of attribute. */
  enum Kind {
    TEXT,
    BOOL,
    COMPLEX,
    MULTI
  }

  static AttributeShape text(String name) {
    return new AttributeShape(name, Kind.TEXT, List.of());
  }

  static AttributeShape bool(String name) {
    return new AttributeShape(name, Kind.BOOL, List.of());
  }

  static AttributeShape complex(String name, String... subs) {
    return new AttributeShape(name, Kind.COMPLEX, Arrays.asList(subs));
  }

  static AttributeShape multi(String name, String... subs) {
    return new AttributeShape(name, Kind.MULTI, Arrays.asList(subs));
  }

  /** Indexes shapes by lower-cased name. */
  static Map<String, AttributeShape> index(AttributeShape... shapes) {
    Map<String, AttributeShape> map = new HashMap<>();
    for (AttributeShape shape : shapes) {
      map.put(shape.name().toLowerCase(Locale.ROOT), shape);
    }
    return Map.copyOf(map);
  }

  /** Strict normalisation; null when the value is JSON null (unassigned). */
  @Nullable JsonNode normalize(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    switch (kind) {
      case TEXT:
        if (!value.isTextual()) {
          throw ScimProblem.invalidValue("Attribute '" + name + "' must be a string.");
        }
        IdentityStoreText.require(name, value.asText());
        return value;
      case BOOL:
        if (!value.isBoolean()) {
          throw ScimProblem.invalidValue("Attribute '" + name + "' must be a boolean.");
        }
        return value;
      case COMPLEX:
        return complexValue(name, value);
      case MULTI:
      default:
        if (!value.isArray()) {
          throw ScimProblem.invalidValue("Attribute '" + name + "' must be an array.");
        }
        ArrayNode out = ResourceDocuments.MAPPER.createArrayNode();
        for (JsonNode element : value) {
          out.add(complexValue(name, element));
        }
        return out;
    }
  }

  /** Lenient normalisation: the value as given, null when unassigned. */
  @Nullable JsonNode lenient(JsonNode value) {
    return value.isNull() ? null : value.deepCopy();
  }

  private ObjectNode complexValue(String label, JsonNode value) {
    if (!value.isObject()) {
      throw ScimProblem.invalidValue("Attribute '" + label + "' must be an object.");
    }
    ObjectNode out = ResourceDocuments.MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String sub = canonicalSub(field.getKey());
      JsonNode subValue = field.getValue();
      if (subValue.isNull()) {
        continue;
      }
      if (sub.equals("manager")) {
        out.set(sub, managerValue(subValue));
      } else if (sub.equals("primary")) {
        if (!subValue.isBoolean()) {
          throw ScimProblem.invalidValue("Attribute '" + name + ".primary' must be a boolean.");
        }
        out.set(sub, subValue);
      } else if (subValue.isTextual()) {
        IdentityStoreText.require(name + "." + sub, subValue.asText());
        out.set(sub, subValue);
      } else {
        throw ScimProblem.invalidValue("Attribute '" + name + "." + sub + "' must be a string.");
      }
    }
    return out;
  }

  private String canonicalSub(String given) {
    for (String sub : subAttributes) {
      if (sub.equalsIgnoreCase(given)) {
        return sub;
      }
    }
    throw ScimProblem.invalidValue(
        "Sub-attribute '" + given + "' of '" + name + "' is not supported.");
  }

  private static ObjectNode managerValue(JsonNode value) {
    if (value.isTextual()) {
      IdentityStoreText.require("manager.value", value.asText());
      return ResourceDocuments.MAPPER.createObjectNode().set("value", value);
    }
    if (!value.isObject()) {
      throw ScimProblem.invalidValue("Attribute 'manager' must be an object.");
    }
    ObjectNode out = ResourceDocuments.MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String key = field.getKey();
      if (key.equalsIgnoreCase("value") && field.getValue().isTextual()) {
        IdentityStoreText.require("manager.value", field.getValue().asText());
        out.set("value", field.getValue());
      } else if (key.equalsIgnoreCase("$ref")) {
        if (field.getValue().isTextual()) {
          IdentityStoreText.require("manager.$ref", field.getValue().asText());
        }
        out.set("$ref", field.getValue());
      } else if (key.equalsIgnoreCase("displayName")) {
        throw ScimProblem.invalidValue("Attribute 'manager.displayName' is not supported.");
      } else if (!field.getValue().isNull()) {
        throw ScimProblem.invalidValue("Sub-attribute '" + key + "' of 'manager' is invalid.");
      }
    }
    return out;
  }
}
