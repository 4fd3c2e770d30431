package org.scimsync.client;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds SCIM filter expressions with correctly quoted values: {@code \} and {@code "} inside a
 * value are escaped as JSON string escapes (RFC 7644 section 3.4.2.2), so a userName such as {@code
 * a"b\c} is matched exactly. Only {@code eq} and {@code and}, the subset AWS IAM Identity Center
 * accepts.
 */
public final class ScimFilter {

  private static final Pattern ATTRIBUTE =
      Pattern.compile("[A-Za-z][A-Za-z0-9_$-]*(\\.[A-Za-z][A-Za-z0-9_$-]*)*");

  private ScimFilter() {}

  /**
   * An equality filter.
   *
   * @param attribute an attribute path such as {@code userName} or {@code members.value}
   * @param value the value, quoted and escaped here
   * @return for example {@code userName eq "a\"b"}
   * @throws IllegalArgumentException for an attribute path that is not a plain SCIM path
   */
  public static String eq(String attribute, String value) {
    Objects.requireNonNull(value, "value");
    if (!ATTRIBUTE.matcher(attribute).matches()) {
      throw new IllegalArgumentException("not a SCIM attribute path: " + attribute);
    }
    return attribute + " eq " + quote(value);
  }

  /**
   * Joins filters with {@code and}.
   *
   * @param filters at least one filter
   * @return the conjunction
   */
  public static String and(String... filters) {
    if (filters.length == 0) {
      throw new IllegalArgumentException("and() needs at least one filter");
    }
    return Arrays.stream(filters).collect(Collectors.joining(" and "));
  }

  /**
   * Quotes a value as a SCIM (JSON) string literal.
   *
   * @param value the raw value
   * @return the value in double quotes, with {@code \}, {@code "} and control characters escaped
   */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
