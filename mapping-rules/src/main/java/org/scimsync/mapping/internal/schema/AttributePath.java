package org.scimsync.mapping.internal.schema;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A resolved attribute path such as {@code name.givenName} or {@code enterprise.department}.
 *
 * @param extension whether the attribute belongs to the enterprise extension
 * @param attribute the top-level attribute (of the core schema or of the extension)
 * @param subAttribute the sub-attribute, or null when the path names the whole attribute
 * @param canonical the path in canonical spelling, {@code enterprise.} for the extension
 */
public record AttributePath(
    boolean extension,
    ScimAttribute attribute,
    @Nullable ScimAttribute subAttribute,
    String canonical) {

  public AttributePath {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(canonical, "canonical");
  }

  /** Whether this path and the other one address overlapping parts of a resource. */
  public boolean overlaps(AttributePath other) {
    if (extension != other.extension || !attribute.name().equals(other.attribute.name())) {
      return false;
    }
    return subAttribute == null
        || other.subAttribute == null
        || subAttribute.name().equals(other.subAttribute.name());
  }

  /** Whether this path is {@code other} or an ancestor of it (a whole attribute holds its subs). */
  public boolean contains(AttributePath other) {
    return extension == other.extension
        && attribute.name().equals(other.attribute.name())
        && (subAttribute == null
            || other.subAttribute != null && subAttribute.name().equals(other.subAttribute.name()));
  }

  /**
   * The path in SCIM filter and PATCH syntax (RFC 7644 section 3.10): {@code name.givenName}, or
   * the extension URN and attribute: {@code urn:...:enterprise:2.0:User:department}.
   */
  public String scimPath() {
    String path = attribute.name() + (subAttribute == null ? "" : "." + subAttribute.name());
    return extension ? ResourceSchema.ENTERPRISE_URN + ":" + path : path;
  }

  /** The attribute whose value this path holds: the sub-attribute if there is one. */
  public ScimAttribute leaf() {
    return subAttribute == null ? attribute : subAttribute;
  }

  @Override
  public String toString() {
    return canonical;
  }
}
