package org.scimsync.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.List;
import org.apache.directory.scim.core.json.ObjectMapperFactory;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.scimsync.client.ScimServerException;

/**
 * SCIMple's ObjectMapper over a schema registry holding {@code User} with the enterprise extension
 * and {@code Group}, so extensions survive and JAXB names ({@code Resources}, {@code Operations})
 * are used; plus defensive reading of answers.
 */
public final class ScimJson {

  private final ObjectMapper mapper;
  private final ObjectReader compactReader;

  /** Builds the registry and the mapper (about a third of a second). */
  public ScimJson() {
    SchemaRegistry registry = new SchemaRegistry();
    registry.addSchema(ScimUser.class, List.of(EnterpriseExtension.class));
    registry.addSchema(ScimGroup.class, List.of());
    this.mapper = ObjectMapperFactory.createObjectMapper(registry);
    this.compactReader = mapper.reader().with(CompactNodeFactory.INSTANCE);
  }

  /**
   * The configured mapper.
   *
   * @return the mapper, shared, thread-safe
   */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Serialises a request body.
   *
   * @param value a SCIMple resource or request
   * @return the JSON text
   */
  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot serialise " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(),
          e);
    }
  }

  /**
   * Reads an answer body as a tree.
   *
   * @param api the operation, for the error
   * @param body the body, UTF-8 JSON
   * @return the tree
   * @throws ScimServerException when the body is not a JSON object
   */
  public JsonNode tree(String api, byte[] body) {
    return tree(api, body, mapper.reader());
  }

  /**
   * Reads a list answer as a tree whose objects take little memory (see {@link
   * CompactNodeFactory}), for callers that keep many listed resources.
   *
   * @param api the operation, for the error
   * @param body the body, UTF-8 JSON
   * @return the tree
   * @throws ScimServerException when the body is not a JSON object
   */
  public JsonNode compactTree(String api, byte[] body) {
    return tree(api, body, compactReader);
  }

  private static JsonNode tree(String api, byte[] body, ObjectReader reader) {
    try {
      // From bytes: Jackson's UTF-8 byte parser is markedly faster than reading a String.
      JsonNode tree = reader.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw new ScimServerException(api, 200, "the answer is not a JSON object", null, null);
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new ScimServerException(
          api, 200, "the answer is not JSON: " + e.getOriginalMessage(), null, e);
    } catch (IOException e) {
      // Cannot happen when reading from memory; kept typed rather than unchecked.
      throw new ScimServerException(api, 200, "the answer cannot be read: " + e, null, e);
    }
  }

  /**
   * Converts a tree into a SCIMple resource.
   *
   * @param api the operation, for the error
   * @param tree the resource tree
   * @param type the resource class
   * @param <T> the resource type
   * @return the resource
   * @throws ScimServerException when the tree does not fit the type
   */
  public <T> T convert(String api, JsonNode tree, Class<T> type) {
    try {
      return mapper.treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ScimServerException(
          api,
          200,
          "the answer is not a valid " + type.getSimpleName() + ": " + e.getMessage(),
          null,
          e);
    }
  }
}
