package org.scimsync.emulator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.ValuePathExpression;
import org.jspecify.annotations.Nullable;

/**
 * A parsed PATCH path: attribute segments (the enterprise extension URN counts as one top-level
 * attribute) and an optional value filter on the first segment, e.g. {@code name.givenName}, {@code
 * urn:...:enterprise:2.0:User:manager.value}, {@code emails[type eq "work"].value}, {@code
 * members[value eq "id"]}.
 *
 * @param segments the attribute names, top-level first
 * @param filter the value filter on the first segment, if any
 */
record PatchPath(List<String> segments, @Nullable FilterExpression filter) {

  String top() {
    return segments.get(0);
  }

  static PatchPath parse(String path) {
    String rest = path.trim();
    List<String> segments = new ArrayList<>();
    String lower = rest.toLowerCase(Locale.ROOT);
    String enterprise = ResourceDocuments.ENTERPRISE_USER.toLowerCase(Locale.ROOT);
    String core = ResourceDocuments.USER_SCHEMA.toLowerCase(Locale.ROOT) + ":";
    if (lower.startsWith(enterprise)) {
      segments.add(ResourceDocuments.ENTERPRISE_USER);
      rest = rest.substring(enterprise.length());
      if (rest.isEmpty()) {
        return new PatchPath(segments, null);
      }
      if (!rest.startsWith(":")) {
        throw invalid(path);
      }
      rest = rest.substring(1);
    } else if (lower.startsWith(core)) {
      rest = rest.substring(core.length());
    } else if (lower.startsWith("urn:")) {
      throw invalid(path);
    }
    FilterExpression filter = null;
    int open = rest.indexOf('[');
    if (open >= 0) {
      int close = rest.lastIndexOf(']');
      if (close < open || !segments.isEmpty()) {
        throw invalid(path);
      }
      String attribute = rest.substring(0, open);
      FilterExpression parsed = ListFilters.parse(rest.substring(0, close + 1));
      if (!(parsed instanceof ValuePathExpression valuePath)) {
        throw invalid(path);
      }
      filter = valuePath.getAttributeExpression();
      segments.add(attribute);
      String after = rest.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(".") || after.length() < 2) {
          throw invalid(path);
        }
        segments.add(after.substring(1));
      }
    } else {
      segments.addAll(Arrays.asList(rest.split("\\.", -1)));
    }
    for (String segment : segments) {
      if (segment.isBlank() || segment.contains(" ")) {
        throw invalid(path);
      }
    }
    if (segments.size() > 3) {
      throw invalid(path);
    }
    return new PatchPath(List.copyOf(segments), filter);
  }

  private static ScimProblem invalid(String path) {
    return ScimProblem.invalidPath("Invalid PATCH path '" + path + "'.");
  }
}
