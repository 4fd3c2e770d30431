package org.scimsync.emulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds the served JSON of users and groups (schemas, id, meta) and parses it back. */
public final class ResourceDocuments {
  /** Core user schema URN. */
  public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

  /** Core group schema URN. */
  public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

  /** Enterprise user extension URN. */
  public static final String ENTERPRISE_USER =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  /** List response message URN. */
  public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  /** Error message URN. */
  public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

  /** One shared mapper: thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  /** Parses stored or received JSON bytes into a tree. */
  public ObjectNode parse(byte[] json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("stored resource is not JSON", e);
    }
  }

  ObjectNode emptyObject() {
    return MAPPER.createObjectNode();
  }

  /** A copy of a served resource without its server-assigned parts (id, meta, schemas). */
  static ObjectNode attributesOf(ObjectNode served) {
    ObjectNode copy = served.deepCopy();
    copy.remove(List.of("id", "meta", "schemas"));
    return copy;
  }

  /** Builds the stored form of a user from validated attributes. */
  StoredUser user(long seq, String id, ObjectNode attributes, @Nullable String created) {
    ArrayNode schemas = MAPPER.createArrayNode().add(USER_SCHEMA);
    if (attributes.has(ENTERPRISE_USER)) {
      schemas.add(ENTERPRISE_USER);
    }
    ObjectNode doc = envelope(schemas, id, attributes, "User", created);
    List<String> emails = new ArrayList<>();
    for (JsonNode email : attributes.path("emails")) {
      if (email.path("value").isTextual()) {
        emails.add(UserTable.key(email.path("value").asText()));
      }
    }
    JsonNode manager = attributes.path(ENTERPRISE_USER).path("manager").path("value");
    return new StoredUser(
        seq,
        id,
        attributes.path("userName").asText(),
        textOrNull(attributes.get("externalId")),
        emails,
        attributes.path("active").asBoolean(true),
        manager.isTextual() ? manager.asText() : null,
        bytes(doc));
  }

  /** Builds the stored form of a group (without members) from validated attributes. */
  StoredGroup group(long seq, String id, ObjectNode attributes, @Nullable String created) {
    ObjectNode withoutMembers = attributes.deepCopy();
    withoutMembers.remove("members");
    ObjectNode doc =
        envelope(MAPPER.createArrayNode().add(GROUP_SCHEMA), id, withoutMembers, "Group", created);
    return new StoredGroup(
        seq,
        id,
        attributes.path("displayName").asText(),
        textOrNull(attributes.get("externalId")),
        bytes(doc));
  }

  /** The served JSON of a group with the members of the view. */
  public ObjectNode groupJson(GroupView view) {
    ObjectNode doc = parse(view.group().json());
    ArrayNode members = doc.putArray("members");
    for (String member : view.members()) {
      members.addObject().put("value", member).put("type", "User");
    }
    return doc;
  }

  private static ObjectNode envelope(
      ArrayNode schemas,
      String id,
      ObjectNode attributes,
      String resourceType,
      @Nullable String created) {
    ObjectNode doc = MAPPER.createObjectNode();
    doc.set("schemas", schemas);
    doc.put("id", id);
    JsonNode externalId = attributes.get("externalId");
    if (externalId != null) {
      doc.set("externalId", externalId);
    }
    for (Map.Entry<String, JsonNode> field : attributes.properties()) {
      if (!field.getKey().equals("externalId")) {
        doc.set(field.getKey(), field.getValue());
      }
    }
    String now = Instant.now().toString();
    doc.putObject("meta")
        .put("resourceType", resourceType)
        .put("created", created == null || created.isEmpty() ? now : created)
        .put("lastModified", now);
    return doc;
  }

  private static @Nullable String textOrNull(@Nullable JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }

  /** Serialises a tree to UTF-8 bytes. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
