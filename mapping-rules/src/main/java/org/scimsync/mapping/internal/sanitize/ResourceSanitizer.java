package org.scimsync.mapping.internal.sanitize;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.SanitizerProfile;
import org.scimsync.mapping.internal.resource.ResourceTree;

/** Makes a mapped resource acceptable to a target, or says why it cannot be. */
@FunctionalInterface
public interface ResourceSanitizer {

  /** Accepts every resource as it is. */
  ResourceSanitizer NONE = (resource, warnings) -> null;

  /**
   * Changes {@code resource} in place, adding a warning for each change.
   *
   * @return null when the resource is acceptable, else the reason to reject it, naming the
   *     attribute
   */
  @Nullable String sanitize(ResourceTree resource, List<String> warnings);

  /** The user sanitizer of a profile. */
  static ResourceSanitizer forUsers(SanitizerProfile profile) {
    return switch (profile) {
      case AWS_IDENTITY_CENTER -> new AwsUserSanitizer();
      case GENERIC -> NONE;
    };
  }

  /** The group sanitizer of a profile. */
  static ResourceSanitizer forGroups(SanitizerProfile profile) {
    return switch (profile) {
      case AWS_IDENTITY_CENTER -> AwsLimits::checkGroup;
      case GENERIC -> NONE;
    };
  }
}
