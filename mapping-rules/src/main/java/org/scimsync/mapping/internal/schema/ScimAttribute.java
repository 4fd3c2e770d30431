package org.scimsync.mapping.internal.schema;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One SCIM attribute of a resource schema: its canonical name, value type, whether it is
 * multi-valued, and the sub-attributes of a complex attribute.
 */
public record ScimAttribute(
    String name, Type type, boolean multiValued, List<ScimAttribute> subAttributes) {

  /** The value types that mapping rules deal with. */
  public enum Type {
    /** A string (also references and binary values sent as base64 text). */
    STRING,
    /** true or false. */
    BOOLEAN,
    /** An object with sub-attributes. */
    COMPLEX
  }

  public ScimAttribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    subAttributes = List.copyOf(subAttributes);
  }

  static ScimAttribute string(String name) {
    return new ScimAttribute(name, Type.STRING, false, List.of());
  }

  static ScimAttribute bool(String name) {
    return new ScimAttribute(name, Type.BOOLEAN, false, List.of());
  }

  static ScimAttribute complex(String name, ScimAttribute... subAttributes) {
    return new ScimAttribute(name, Type.COMPLEX, false, List.of(subAttributes));
  }

  static ScimAttribute multiValued(String name, ScimAttribute... subAttributes) {
    return new ScimAttribute(name, Type.COMPLEX, true, List.of(subAttributes));
  }

  /** The sub-attribute with this name (case-insensitive, as SCIM names are), or null. */
  public @Nullable ScimAttribute subAttribute(String subName) {
    for (ScimAttribute sub : subAttributes) {
      if (sub.name.equals(subName)) {
        return sub;
      }
    }
    for (ScimAttribute sub : subAttributes) {
      if (sub.name.equalsIgnoreCase(subName)) {
        return sub;
      }
    }
    return null;
  }

  /** Whether elements of this multi-valued attribute are identified by a {@code value}. */
  public boolean hasValueSubAttribute() {
    return subAttribute("value") != null;
  }
}
