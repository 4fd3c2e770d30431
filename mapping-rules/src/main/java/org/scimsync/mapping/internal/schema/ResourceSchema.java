package org.scimsync.mapping.internal.schema;

import static org.scimsync.mapping.internal.schema.ScimAttribute.bool;
import static org.scimsync.mapping.internal.schema.ScimAttribute.complex;
import static org.scimsync.mapping.internal.schema.ScimAttribute.multiValued;
import static org.scimsync.mapping.internal.schema.ScimAttribute.string;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The attributes a mapping may produce for one resource type, and the resolution of the paths that
 * configuration uses to name them.
 *
 * <p>Paths are {@code attribute} or {@code attribute.subAttribute}; enterprise extension attributes
 * are written {@code enterprise.attribute} or with the full extension URN ({@code
 * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}). Names are
 * case-insensitive and resolve to their canonical spelling.
 */
public final class ResourceSchema {

  /** The URN of the enterprise user extension (RFC 7643 section 4.3). */
  public static final String ENTERPRISE_URN =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private static final String ENTERPRISE_PREFIX = "enterprise.";

  private static final ScimAttribute[] PLURAL_SUBS = {
    string("value"), string("display"), string("type"), bool("primary")
  };

  /** RFC 7643 section 4.1, without id, externalId and meta which the engine owns. */
  public static final ResourceSchema USER =
      new ResourceSchema(
          List.of(
              string("userName"),
              complex(
                  "name",
                  string("formatted"),
                  string("familyName"),
                  string("givenName"),
                  string("middleName"),
                  string("honorificPrefix"),
                  string("honorificSuffix")),
              string("displayName"),
              string("nickName"),
              string("profileUrl"),
              string("title"),
              string("userType"),
              string("preferredLanguage"),
              string("locale"),
              string("timezone"),
              bool("active"),
              string("password"),
              multiValued("emails", PLURAL_SUBS),
              multiValued("phoneNumbers", PLURAL_SUBS),
              multiValued("ims", PLURAL_SUBS),
              multiValued("photos", PLURAL_SUBS),
              multiValued(
                  "addresses",
                  string("formatted"),
                  string("streetAddress"),
                  string("locality"),
                  string("region"),
                  string("postalCode"),
                  string("country"),
                  string("type"),
                  bool("primary")),
              multiValued(
                  "groups", string("value"), string("$ref"), string("display"), string("type")),
              multiValued("entitlements", PLURAL_SUBS),
              multiValued("roles", PLURAL_SUBS),
              multiValued("x509Certificates", PLURAL_SUBS)),
          List.of(
              string("employeeNumber"),
              string("costCenter"),
              string("organization"),
              string("division"),
              string("department"),
              complex("manager", string("value"), string("$ref"), string("displayName"))));

  /** RFC 7643 section 4.2, without members which the engine owns. */
  public static final ResourceSchema GROUP =
      new ResourceSchema(List.of(string("displayName")), List.of());

  private final List<ScimAttribute> core;
  private final List<ScimAttribute> extension;

  private ResourceSchema(List<ScimAttribute> core, List<ScimAttribute> extension) {
    this.core = List.copyOf(core);
    this.extension = List.copyOf(extension);
  }

  /**
   * Resolves a mapping target: a whole attribute or a sub-attribute of a single-valued complex
   * attribute (multi-valued attributes are mapped as a whole, as a list).
   *
   * @throws IllegalArgumentException naming the problem, when the path is not a valid target
   */
  public AttributePath resolveTarget(String path) {
    AttributePath resolved = resolve(path);
    if (resolved.subAttribute() != null && resolved.attribute().multiValued()) {
      throw new IllegalArgumentException(
          "'"
              + path
              + "' is a sub-attribute of the multi-valued attribute '"
              + resolved.attribute().name()
              + "'; map '"
              + resolved.attribute().name()
              + "' as a list of objects instead");
    }
    return resolved;
  }

  /**
   * Resolves any attribute or sub-attribute path.
   *
   * @throws IllegalArgumentException naming the problem, when the path names no known attribute
   */
  public AttributePath resolve(String path) {
    String rest = path;
    boolean inExtension = false;
    String lowerPath = path.toLowerCase(Locale.ROOT);
    if (!extension.isEmpty()
        && lowerPath.startsWith(ENTERPRISE_URN.toLowerCase(Locale.ROOT) + ":")) {
      rest = path.substring(ENTERPRISE_URN.length() + 1);
      inExtension = true;
    } else if (!extension.isEmpty() && lowerPath.startsWith(ENTERPRISE_PREFIX)) {
      rest = path.substring(ENTERPRISE_PREFIX.length());
      inExtension = true;
    }
    String[] parts = rest.split("\\.", -1);
    ScimAttribute attribute =
        parts.length <= 2 ? find(inExtension ? extension : core, parts[0]) : null;
    ScimAttribute sub = null;
    if (attribute != null && parts.length == 2) {
      sub = attribute.subAttribute(parts[1]);
      if (sub == null) {
        attribute = null;
      }
    }
    if (attribute == null) {
      throw new IllegalArgumentException(unknown(path));
    }
    String canonical =
        (inExtension ? ENTERPRISE_PREFIX : "")
            + attribute.name()
            + (sub == null ? "" : "." + sub.name());
    return new AttributePath(inExtension, attribute, sub, canonical);
  }

  private static @Nullable ScimAttribute find(List<ScimAttribute> attributes, String name) {
    for (ScimAttribute attribute : attributes) {
      if (attribute.name().equalsIgnoreCase(name)) {
        return attribute;
      }
    }
    return null;
  }

  private String unknown(String path) {
    String message = "unknown attribute '" + path + "'";
    String closest =
        knownPaths().stream()
            .min(Comparator.comparingInt(known -> EditDistance.between(known, path)))
            .orElse(null);
    if (closest != null && EditDistance.between(closest, path) <= Math.max(2, path.length() / 3)) {
      message += "; did you mean '" + closest + "'?";
    }
    return message;
  }

  /** Every path this schema resolves, in canonical spelling. */
  public List<String> knownPaths() {
    List<String> paths = new ArrayList<>();
    addPaths(paths, core, "");
    addPaths(paths, extension, ENTERPRISE_PREFIX);
    return paths;
  }

  private static void addPaths(List<String> paths, List<ScimAttribute> attributes, String prefix) {
    for (ScimAttribute attribute : attributes) {
      paths.add(prefix + attribute.name());
      for (ScimAttribute sub : attribute.subAttributes()) {
        paths.add(prefix + attribute.name() + "." + sub.name());
      }
    }
  }
}
