package org.scimsync.mapping.internal.sanitize;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.internal.resource.ResourceTree;
import org.scimsync.mapping.internal.schema.AttributePath;
import org.scimsync.mapping.internal.schema.ResourceSchema;

/**
 * AWS IAM Identity Center group rules: cleans the displayName ({@link AwsTextSanitizer}), then
 * checks {@link AwsLimits}: present, not reserved, at most 1,024 characters.
 */
final class AwsGroupSanitizer implements ResourceSanitizer {

  private static final Essentials ESSENTIALS = Essentials.of(ResourceSchema.GROUP, "displayName");
  private static final AwsTextSanitizer TEXT =
      new AwsTextSanitizer(AwsLimits.REQUIRED_GROUP_ATTRIBUTES);

  @Override
  public boolean essential(AttributePath target) {
    return ESSENTIALS.contains(target);
  }

  @Override
  public @Nullable String sanitize(ResourceTree resource, List<String> warnings) {
    String violation = TEXT.sanitize(resource, warnings);
    return violation != null ? violation : AwsLimits.checkGroup(resource);
  }
}
