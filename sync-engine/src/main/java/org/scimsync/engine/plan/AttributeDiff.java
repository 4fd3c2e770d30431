package org.scimsync.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.target.AttributeChange;

/**
 * The minimal PATCH operations that turn the target's resource into the desired one.
 *
 * <p>Simple and multi-valued attributes are replaced as a whole when they differ; complex
 * attributes ({@code name}, {@code manager}) and extension attributes are compared sub-attribute by
 * sub-attribute. An attribute the target holds but the desired resource lacks becomes an explicit
 * {@code remove}, except for attributes the target owns or that cannot be removed ({@code id},
 * {@code meta}, {@code schemas}, {@code members}, {@code groups}, {@code userName}, {@code active},
 * {@code displayName}); {@code externalId} is handled by the planner.
 */
public final class AttributeDiff {

  private static final Comparator<AttributeChange> BY_PATH =
      Comparator.comparing(AttributeChange::scimPath);

  private AttributeDiff() {}

  /** The changes that turn {@code current} into {@code desired}, in attribute-name order. */
  public static List<AttributeChange> diff(ObjectNode current, ObjectNode desired) {
    List<AttributeChange> changes = new ArrayList<>(0);
    for (Map.Entry<String, JsonNode> field : desired.properties()) {
      diffTopLevel(field.getKey(), present(current.get(field.getKey())), field.getValue(), changes);
    }
    for (Map.Entry<String, JsonNode> field : current.properties()) {
      if (!desired.has(field.getKey())) {
        diffTopLevel(field.getKey(), field.getValue(), null, changes);
      }
    }
    if (changes.size() > 1) {
      changes.sort(BY_PATH);
    }
    return changes;
  }

  private static void diffTopLevel(
      String name, @Nullable JsonNode have, @Nullable JsonNode want, List<AttributeChange> out) {
    if (notCompared(name)) {
      return;
    }
    have = present(have);
    want = present(want);
    if (name.startsWith("urn:")) {
      diffExtension(name, have, want, out);
    } else if (want == null) {
      if (have != null && !neverRemoved(name)) {
        out.add(AttributeChange.remove(List.of(name)));
      }
    } else {
      diffAttribute(List.of(name), have, want, out);
    }
  }

  /** Attributes the target owns, or that the planner compares itself. */
  private static boolean notCompared(String name) {
    return switch (name) {
      case "id", "meta", "schemas", "externalId", "members", "groups" -> true;
      default -> false;
    };
  }

  /** Attributes that cannot be removed. */
  private static boolean neverRemoved(String name) {
    return switch (name) {
      case "userName", "active", "displayName" -> true;
      default -> false;
    };
  }

  /** Whether {@code have} holds everything {@code want} holds (extra fields in objects allowed). */
  public static boolean covers(@Nullable JsonNode have, @Nullable JsonNode want) {
    have = present(have);
    want = present(want);
    if (want == null || have == null) {
      return want == null && have == null;
    }
    if (want.isObject()) {
      if (!have.isObject()) {
        return false;
      }
      for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!covers(have.get(field), want.get(field))) {
          return false;
        }
      }
      return true;
    }
    if (want.isArray()) {
      if (!have.isArray() || have.size() != want.size()) {
        return false;
      }
      for (int i = 0; i < want.size(); i++) {
        if (!covers(have.get(i), want.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (want.isNumber() && have.isNumber()) {
      return want.decimalValue().compareTo(have.decimalValue()) == 0;
    }
    return want.equals(have);
  }

  private static void diffExtension(
      String urn, @Nullable JsonNode have, @Nullable JsonNode want, List<AttributeChange> out) {
    ObjectNode haveObject = have instanceof ObjectNode o ? o : null;
    ObjectNode wantObject = want instanceof ObjectNode o ? o : null;
    if (wantObject == null && haveObject == null) {
      return;
    }
    for (String name : names(haveObject, wantObject)) {
      JsonNode w = wantObject == null ? null : present(wantObject.get(name));
      JsonNode h = haveObject == null ? null : present(haveObject.get(name));
      if (w == null) {
        if (h != null) {
          out.add(AttributeChange.remove(List.of(urn, name)));
        }
      } else {
        diffAttribute(List.of(urn, name), h, w, out);
      }
    }
  }

  private static void diffAttribute(
      List<String> path, @Nullable JsonNode have, JsonNode want, List<AttributeChange> out) {
    if (want.isObject() && have != null && have.isObject()) {
      for (String sub : names((ObjectNode) have, (ObjectNode) want)) {
        JsonNode w = present(want.get(sub));
        JsonNode h = present(have.get(sub));
        List<String> subPath = append(path, sub);
        if (w == null) {
          if (h != null) {
            out.add(AttributeChange.remove(subPath));
          }
        } else if (!covers(h, w)) {
          out.add(AttributeChange.replace(subPath, w));
        }
      }
    } else if (!covers(have, want)) {
      out.add(AttributeChange.replace(path, want));
    }
  }

  private static List<String> append(List<String> path, String name) {
    List<String> longer = new ArrayList<>(path);
    longer.add(name);
    return longer;
  }

  /**
   * The field names of both objects: those of {@code b} in its order, then those only {@code a}
   * has. Callers sort the resulting changes, so the order here does not reach the plan.
   */
  private static List<String> names(@Nullable ObjectNode a, @Nullable ObjectNode b) {
    List<String> names = new ArrayList<>((a == null ? 0 : a.size()) + (b == null ? 0 : b.size()));
    if (b != null) {
      b.fieldNames().forEachRemaining(names::add);
    }
    if (a != null) {
      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (b == null || !b.has(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static @Nullable JsonNode present(@Nullable JsonNode node) {
    return node == null || node instanceof NullNode || node.isMissingNode() ? null : node;
  }
}
