package org.scimsync.engine.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Applies an {@link AttributeChange} to a JSON resource, as a SCIM service provider would. */
public final class PatchPaths {

  private PatchPaths() {}

  /** Applies one change in place. */
  public static void apply(ObjectNode resource, AttributeChange change) {
    List<String> path = change.path();
    ObjectNode parent = resource;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode next = parent.get(path.get(i));
      if (!(next instanceof ObjectNode)) {
        if (change.op() == AttributeChange.Op.REMOVE) {
          return;
        }
        next = parent.putObject(path.get(i));
      }
      parent = (ObjectNode) next;
    }
    String leaf = path.get(path.size() - 1);
    if (change.op() == AttributeChange.Op.REMOVE) {
      parent.remove(leaf);
    } else {
      parent.set(leaf, change.value().deepCopy());
    }
  }
}
