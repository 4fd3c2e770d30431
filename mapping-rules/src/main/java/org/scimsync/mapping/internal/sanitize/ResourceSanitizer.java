package org.scimsync.mapping.internal.sanitize;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.SanitizerProfile;
import org.scimsync.mapping.internal.resource.ResourceTree;
import org.scimsync.mapping.internal.schema.AttributePath;
import org.scimsync.mapping.internal.schema.ResourceSchema;

/**
 * Makes a mapped resource acceptable to a target, or says why it cannot be; and tells which
 * attributes an object cannot be sent without.
 */
public interface ResourceSanitizer {

  /**
   * Changes {@code resource} in place, adding a warning for each change.
   *
   * @return null when the resource is acceptable, else the reason to reject it, naming the
   *     attribute
   */
  @Nullable String sanitize(ResourceTree resource, List<String> warnings);

  /**
   * Whether the object must not be sent when the mapping of {@code target} fails: an attribute the
   * target requires (or a part of one), or one whose absence would change access ({@code active}).
   * The failure of any other mapping leaves that attribute out, with a warning.
   */
  boolean essential(AttributePath target);

  /** The user sanitizer of a profile. */
  static ResourceSanitizer forUsers(SanitizerProfile profile) {
    return switch (profile) {
      case AWS_IDENTITY_CENTER -> new AwsUserSanitizer();
      case GENERIC ->
          new UnchangedSanitizer(Essentials.of(ResourceSchema.USER, "userName", "active"));
    };
  }

  /** The group sanitizer of a profile. */
  static ResourceSanitizer forGroups(SanitizerProfile profile) {
    return switch (profile) {
      case AWS_IDENTITY_CENTER -> new AwsGroupSanitizer();
      case GENERIC -> new UnchangedSanitizer(Essentials.of(ResourceSchema.GROUP, "displayName"));
    };
  }
}
