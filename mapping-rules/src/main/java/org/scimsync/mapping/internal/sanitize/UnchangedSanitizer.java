package org.scimsync.mapping.internal.sanitize;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.internal.resource.ResourceTree;
import org.scimsync.mapping.internal.schema.AttributePath;

/**
 * The generic profile: accepts every resource as it is; RFC 7643 requires a user's userName and a
 * group's displayName, and a user's {@code active} decides access.
 */
record UnchangedSanitizer(Essentials essentials) implements ResourceSanitizer {

  @Override
  public @Nullable String sanitize(ResourceTree resource, List<String> warnings) {
    return null;
  }

  @Override
  public boolean essential(AttributePath target) {
    return essentials.contains(target);
  }
}
