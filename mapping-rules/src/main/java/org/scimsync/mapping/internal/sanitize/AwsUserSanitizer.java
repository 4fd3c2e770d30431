package org.scimsync.mapping.internal.sanitize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.internal.resource.ResourceTree;
import org.scimsync.mapping.internal.schema.AttributePath;
import org.scimsync.mapping.internal.schema.ResourceSchema;

/**
 * AWS IAM Identity Center user rules: removes the attributes it refuses, cleans every string
 * ({@link AwsTextSanitizer}), keeps one value of emails, phoneNumbers, addresses and roles, marks
 * the email primary, then checks {@link AwsLimits}.
 */
final class AwsUserSanitizer implements ResourceSanitizer {

  private static final List<String> UNSUPPORTED =
      List.of("photos", "ims", "entitlements", "x509Certificates", "password", "groups");
  private static final List<String> SINGLE_VALUED =
      List.of("emails", "phoneNumbers", "addresses", "roles");
  private static final String NOT_SUPPORTED = " removed: not supported by the target";

  private static final Essentials ESSENTIALS =
      Essentials.of(
          ResourceSchema.USER,
          "userName",
          "displayName",
          "name.givenName",
          "name.familyName",
          "active");
  private static final AwsTextSanitizer TEXT =
      new AwsTextSanitizer(AwsLimits.REQUIRED_USER_ATTRIBUTES);

  @Override
  public boolean essential(AttributePath target) {
    return ESSENTIALS.contains(target);
  }

  @Override
  public @Nullable String sanitize(ResourceTree resource, List<String> warnings) {
    Map<String, Object> core = resource.core();
    for (String attribute : UNSUPPORTED) {
      if (core.remove(attribute) != null) {
        warnings.add(attribute + NOT_SUPPORTED);
      }
    }
    for (String attribute : SINGLE_VALUED) {
      if (core.get(attribute) instanceof List<?> values) {
        removeDisplay(attribute, values, warnings);
      }
    }
    removeManagerDisplayName(resource, warnings);
    String violation = TEXT.sanitize(resource, warnings);
    if (violation != null) {
      return violation;
    }
    for (String attribute : SINGLE_VALUED) {
      if (core.get(attribute) instanceof List<?> values) {
        reduceToOne(attribute, core, values, warnings);
      }
    }
    markEmailPrimary(core, warnings);
    return AwsLimits.checkUser(resource);
  }

  private static void removeManagerDisplayName(ResourceTree resource, List<String> warnings) {
    Map<String, Object> extension = resource.extension();
    if (extension != null
        && extension.get("manager") instanceof Map<?, ?> manager
        && manager.remove("displayName") != null) {
      warnings.add("enterprise.manager.displayName" + NOT_SUPPORTED);
      if (manager.isEmpty()) {
        extension.remove("manager");
        if (extension.isEmpty()) {
          resource.core().remove(ResourceSchema.ENTERPRISE_URN);
        }
      }
    }
  }

  private static void removeDisplay(String attribute, List<?> values, List<String> warnings) {
    boolean removed = false;
    for (Object value : values) {
      removed |= ((Map<?, ?>) value).remove("display") != null;
    }
    if (removed) {
      warnings.add(attribute + ".display" + NOT_SUPPORTED);
    }
  }

  private static void reduceToOne(
      String attribute, Map<String, Object> core, List<?> values, List<String> warnings) {
    if (values.size() <= 1) {
      return;
    }
    Object kept = values.get(0);
    String which = "the first";
    for (Object value : values) {
      if (Boolean.TRUE.equals(((Map<?, ?>) value).get("primary"))) {
        kept = value;
        which = "the primary";
        break;
      }
    }
    core.put(attribute, new ArrayList<>(List.of(kept)));
    warnings.add(
        attribute
            + " reduced to 1 value ("
            + which
            + "): the target accepts one, "
            + values.size()
            + " were mapped");
  }

  @SuppressWarnings("unchecked")
  private static void markEmailPrimary(Map<String, Object> core, List<String> warnings) {
    if (core.get("emails") instanceof List<?> emails && emails.size() == 1) {
      Map<String, Object> email = (Map<String, Object>) emails.get(0);
      if (!Boolean.TRUE.equals(email.get("primary"))) {
        email.put("primary", Boolean.TRUE);
        warnings.add("emails marked primary: the target requires a primary email");
      }
    }
  }
}
