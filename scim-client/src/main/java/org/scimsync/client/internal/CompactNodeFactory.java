package org.scimsync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;

/**
 * Builds JSON trees that take little memory: objects keep their fields in {@link CompactFields},
 * arrays start small. Used for list answers, whose resources a caller may hold by the ten thousand;
 * the trees behave as Jackson's own (equal to them, mutable, copied into ordinary trees by {@code
 * deepCopy}).
 */
final class CompactNodeFactory extends JsonNodeFactory {

  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  static final CompactNodeFactory INSTANCE = new CompactNodeFactory();

  private CompactNodeFactory() {
    super(false);
  }

  @Override
  public ObjectNode objectNode() {
    return new ObjectNode(this, new CompactFields());
  }

  @Override
  public ArrayNode arrayNode() {
    return new ArrayNode(this, new ArrayList<JsonNode>(2));
  }

  @Override
  public ArrayNode arrayNode(int capacity) {
    return new ArrayNode(this, new ArrayList<JsonNode>(capacity));
  }
}
