package org.scimsync.engine.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One PATCH operation on an attribute, in engine terms.
 *
 * @param op add, replace or remove
 * @param path the JSON keys from the resource root: {@code [displayName]}, {@code [name,
 *     givenName]}, or an extension URN followed by its attribute, {@code
 *     [urn:ietf:params:scim:schemas:extension:enterprise:2.0:User, department]}
 * @param value the new value; null for a remove
 */
public record AttributeChange(Op op, List<String> path, @Nullable JsonNode value) {

  /** The PATCH operation kinds. */
  public enum Op {
    ADD,
    REPLACE,
    REMOVE
  }

  public AttributeChange {
    Objects.requireNonNull(op, "op");
    path = List.copyOf(path);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("an attribute change needs a path");
    }
    if (op != Op.REMOVE) {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A replace of the attribute at {@code path}. */
  public static AttributeChange replace(List<String> path, JsonNode value) {
    return new AttributeChange(Op.REPLACE, path, value);
  }

  /** A remove of the attribute at {@code path}. */
  public static AttributeChange remove(List<String> path) {
    return new AttributeChange(Op.REMOVE, path, null);
  }

  /**
   * The SCIM path: {@code name.givenName}, or {@code urn:...:User:department} for an extension
   * attribute.
   */
  public String scimPath() {
    String first = path.get(0);
    if (first.startsWith("urn:") && path.size() > 1) {
      return first + ":" + String.join(".", path.subList(1, path.size()));
    }
    return String.join(".", path);
  }
}
