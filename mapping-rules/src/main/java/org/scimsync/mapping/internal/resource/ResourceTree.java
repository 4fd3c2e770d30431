package org.scimsync.mapping.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.internal.schema.AttributePath;
import org.scimsync.mapping.internal.schema.ResourceSchema;

/**
 * A resource being built: core attributes and the enterprise extension as sorted maps of the JSON
 * values made by {@link ValueConverter}. Not thread-safe; one per mapping.
 */
public final class ResourceTree {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final TreeMap<String, Object> core = new TreeMap<>();

  /** The core attributes; the enterprise extension is one entry, keyed by its URN. */
  public Map<String, Object> core() {
    return core;
  }

  /** The enterprise extension attributes, or null when there are none. */
  @SuppressWarnings("unchecked")
  public @Nullable Map<String, Object> extension() {
    return (Map<String, Object>) core.get(ResourceSchema.ENTERPRISE_URN);
  }

  /** The container of this path's attribute, created when {@code create}; else maybe null. */
  @SuppressWarnings("unchecked")
  private @Nullable Map<String, Object> container(AttributePath path, boolean create) {
    if (!path.extension()) {
      return core;
    }
    Map<String, Object> extension = extension();
    if (extension == null && create) {
      extension = new TreeMap<>();
      core.put(ResourceSchema.ENTERPRISE_URN, extension);
    }
    return extension;
  }

  /** Sets the value at this path; {@code value} comes from {@link ValueConverter}. */
  @SuppressWarnings("unchecked")
  public void put(AttributePath path, Object value) {
    Map<String, Object> container = container(path, true);
    String name = path.attribute().name();
    if (path.subAttribute() == null) {
      container.put(name, value);
    } else {
      Map<String, Object> parent =
          (Map<String, Object>) container.computeIfAbsent(name, ignored -> new TreeMap<>());
      parent.put(path.subAttribute().name(), value);
    }
  }

  /**
   * Removes the value at this path; a sub-attribute of a multi-valued attribute is removed from
   * every element. Containers left empty are removed too.
   *
   * @return whether something was removed
   */
  public boolean remove(AttributePath path) {
    Map<String, Object> container = container(path, false);
    if (container == null) {
      return false;
    }
    String name = path.attribute().name();
    boolean removed;
    if (path.subAttribute() == null) {
      removed = container.remove(name) != null;
    } else {
      removed = removeSub(container, name, path.subAttribute().name());
    }
    if (path.extension() && container.isEmpty()) {
      core.remove(ResourceSchema.ENTERPRISE_URN);
    }
    return removed;
  }

  private static boolean removeSub(Map<String, Object> container, String name, String sub) {
    Object value = container.get(name);
    boolean removed = false;
    if (value instanceof Map<?, ?> object) {
      removed = object.remove(sub) != null;
      if (object.isEmpty()) {
        container.remove(name);
      }
    } else if (value instanceof List<?> list) {
      Iterator<?> elements = list.iterator();
      while (elements.hasNext()) {
        Map<?, ?> element = (Map<?, ?>) elements.next();
        removed |= element.remove(sub) != null;
        if (element.isEmpty()) {
          elements.remove();
        }
      }
      if (list.isEmpty()) {
        container.remove(name);
      }
    }
    return removed;
  }

  /** The resource as a Jackson object with keys sorted at every level. */
  public ObjectNode toObjectNode() {
    return object(core);
  }

  private static ObjectNode object(Map<?, ?> map) {
    ObjectNode node = NODES.objectNode();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      node.set((String) entry.getKey(), json(entry.getValue()));
    }
    return node;
  }

  private static JsonNode json(Object value) {
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof Map<?, ?> map) {
      return object(map);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode(list.size());
      for (Object element : list) {
        array.add(json(element));
      }
      return array;
    }
    throw new IllegalStateException("not a JSON value: " + value.getClass().getName());
  }
}
