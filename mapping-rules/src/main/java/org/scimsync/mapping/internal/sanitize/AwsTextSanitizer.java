package org.scimsync.mapping.internal.sanitize;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.internal.resource.ResourceTree;
import org.scimsync.mapping.internal.schema.ResourceSchema;

/**
 * Makes every string of a resource acceptable to AWS IAM Identity Center ({@link AwsCharacters}):
 * core attributes, sub-attributes ({@code name.givenName}), elements of multi-valued attributes
 * ({@code emails.value}, {@code addresses.formatted}) and the enterprise extension ({@code
 * enterprise.department}, {@code enterprise.manager.value}). Each change is a warning.
 *
 * <p>AWS needs at least one character, so a value left empty is removed, with a warning; an element
 * of a multi-valued attribute left without its {@code value} is removed too. A value of spaces only
 * is kept: AWS's rule accepts it. A required attribute left empty rejects the object; one that was
 * empty to begin with is left for {@link AwsLimits} to report as missing.
 */
final class AwsTextSanitizer {

  private static final String EXTENSION_PREFIX = "enterprise.";

  private final Set<String> required;

  /**
   * @param required the attributes the object cannot go without, as labelled in warnings ({@code
   *     name.givenName})
   */
  AwsTextSanitizer(Set<String> required) {
    this.required = Set.copyOf(required);
  }

  /**
   * Cleans every string of {@code resource} in place.
   *
   * @return null, or the reason to reject the object: a required attribute had only characters AWS
   *     refuses
   */
  @Nullable String sanitize(ResourceTree resource, List<String> warnings) {
    return object(resource.core(), "", warnings);
  }

  @SuppressWarnings("unchecked")
  private @Nullable String object(
      Map<String, Object> object, String prefix, List<String> warnings) {
    Iterator<Map.Entry<String, Object>> entries = object.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, Object> entry = entries.next();
      String name = entry.getKey();
      Object value = entry.getValue();
      if (value instanceof String text) {
        AwsCharacters.Cleaned cleaned = AwsCharacters.clean(text);
        if (cleaned == null) {
          continue;
        }
        String label = prefix + name;
        if (!cleaned.text().isEmpty()) {
          entry.setValue(cleaned.text());
          warnChanges(label, cleaned, warnings);
        } else if (required.contains(label)) {
          if (!text.isEmpty()) {
            return label
                + " has only characters AWS refuses ("
                + cleaned.removed()
                + "), and the target requires it";
          }
        } else {
          entries.remove();
          warnings.add(
              text.isEmpty()
                  ? label + " removed: empty, and AWS needs at least one character"
                  : label
                      + " removed: it had only characters AWS refuses ("
                      + cleaned.removed()
                      + ")");
        }
      } else if (value instanceof Map<?, ?> map) {
        String inner =
            name.equals(ResourceSchema.ENTERPRISE_URN) ? EXTENSION_PREFIX : prefix + name + ".";
        String violation = object((Map<String, Object>) map, inner, warnings);
        if (violation != null) {
          return violation;
        }
        if (map.isEmpty()) {
          entries.remove();
        }
      } else if (value instanceof List<?> list) {
        elements((List<Object>) list, prefix + name, warnings);
        if (list.isEmpty()) {
          entries.remove();
        }
      }
    }
    return null;
  }

  /** Cleans the elements of a multi-valued attribute; none of their sub-attributes is required. */
  @SuppressWarnings("unchecked")
  private void elements(List<Object> list, String label, List<String> warnings) {
    Iterator<Object> elements = list.iterator();
    while (elements.hasNext()) {
      Map<String, Object> element = (Map<String, Object>) elements.next();
      boolean hadValue = element.containsKey("value");
      object(element, label + ".", warnings);
      if (hadValue && !element.containsKey("value")) {
        elements.remove();
        warnings.add(label + ": an element without 'value' was left out");
      } else if (element.isEmpty()) {
        elements.remove();
      }
    }
  }

  private static void warnChanges(
      String label, AwsCharacters.Cleaned cleaned, List<String> warnings) {
    if (cleaned.removed() > 0) {
      warnings.add(
          label
              + ": "
              + count(cleaned.removed(), "character", "characters")
              + " AWS refuses removed");
    }
    if (cleaned.replaced() > 0) {
      warnings.add(
          label
              + ": "
              + count(cleaned.replaced(), "space character", "space characters")
              + " replaced by a plain space");
    }
  }

  private static String count(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
