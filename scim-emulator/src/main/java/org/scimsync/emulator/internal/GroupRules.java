package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates a group body. AWS profile: only {@code displayName} (required, 1 to 1024 characters,
 * not {@code Administrator} or {@code AWSAdministrators} in any case), {@code externalId} and
 * {@code members} (at most 100, each with a {@code value}; no {@code display}); anything else
 * refused; every string follows the {@link IdentityStoreText} rule. RFC 7644 profile: {@code
 * displayName} required, other attributes kept.
 */
final class GroupRules {
  /** Most members AWS accepts inline on create, and most membership changes per PATCH. */
  static final int MAX_MEMBER_CHANGES = 100;

  private static final Set<String> RESERVED_NAMES = Set.of("administrator", "awsadministrators");

  private final boolean aws;

  GroupRules(boolean aws) {
    this.aws = aws;
  }

  /**
   * A validated group body.
   *
   * @param attributes the attributes without id, meta, schemas and members
   * @param members the member ids in the body
   */
  record GroupBody(ObjectNode attributes, List<String> members) {}

  GroupBody normalize(JsonNode body) {
    if (!body.isObject()) {
      throw ScimProblem.invalidSyntax(ScimProblem.UNPARSABLE);
    }
    ObjectNode attributes = ResourceDocuments.MAPPER.createObjectNode();
    List<String> members = List.of();
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      String lower = field.getKey().toLowerCase(Locale.ROOT);
      JsonNode value = field.getValue();
      switch (lower) {
        case "id", "schemas", "meta" -> {}
        case "displayname" -> attributes.set("displayName", text("displayName", value));
        case "externalid" -> {
          if (!value.isNull()) {
            attributes.set("externalId", text("externalId", value));
          }
        }
        case "members" -> {
          members = memberIds(value);
          if (aws && members.size() > MAX_MEMBER_CHANGES) {
            throw ScimProblem.tooMany(ScimProblem.UNPARSABLE);
          }
        }
        default -> {
          if (aws) {
            throw ScimProblem.invalidValue("Attribute '" + field.getKey() + "' is not supported.");
          }
          attributes.set(field.getKey(), value.deepCopy());
        }
      }
    }
    check(attributes);
    return new GroupBody(attributes, members);
  }

  /** Checks the attributes a group must always have. */
  void check(ObjectNode attributes) {
    JsonNode displayName = attributes.get("displayName");
    if (displayName == null || !displayName.isTextual() || displayName.asText().isBlank()) {
      throw ScimProblem.invalidValue("Missing required attribute 'displayName'.");
    }
    if (aws && displayName.asText().length() > 1024) {
      throw ScimProblem.invalidValue("displayName must be 1 to 1024 characters.");
    }
    if (aws && RESERVED_NAMES.contains(displayName.asText().toLowerCase(Locale.ROOT))) {
      throw ScimProblem.invalidValue("displayName '" + displayName.asText() + "' is reserved.");
    }
  }

  /** A string attribute's value; the AWS profile also applies the Identity Store rule. */
  JsonNode text(String name, JsonNode value) {
    if (!value.isTextual()) {
      throw ScimProblem.invalidValue("Attribute '" + name + "' must be a string.");
    }
    if (aws) {
      IdentityStoreText.require(name, value.asText());
    }
    return value;
  }

  /** Member ids from a {@code members} value: an array of (or one) {@code {"value": id}}. */
  List<String> memberIds(JsonNode value) {
    List<String> ids = new ArrayList<>();
    if (value.isNull()) {
      return ids;
    }
    Iterable<JsonNode> elements = value.isArray() ? value : List.of(value);
    for (JsonNode member : elements) {
      if (!member.isObject() || !member.path("value").isTextual()) {
        throw ScimProblem.invalidValue("Each member needs a 'value' with a user id.");
      }
      Iterator<String> names = member.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (aws && name.equalsIgnoreCase("display")) {
          throw ScimProblem.invalidValue("Sub-attribute 'display' of 'members' is not supported.");
        }
      }
      String id = member.path("value").asText();
      if (aws) {
        IdentityStoreText.require("members.value", id);
      }
      ids.add(id);
    }
    return ids;
  }
}
