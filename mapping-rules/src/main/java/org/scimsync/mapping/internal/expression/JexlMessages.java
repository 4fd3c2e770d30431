package org.scimsync.mapping.internal.expression;

import java.util.regex.Pattern;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlInfo;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link JexlException} into a short sentence without JEXL's location prefix, with the
 * column and, for runtime errors, the part of the expression that failed.
 */
final class JexlMessages {

  private static final Pattern LOCATION_PREFIX = Pattern.compile("^\\S*@\\d+:\\d+\\s+");
  private static final Pattern NULL_OPERAND =
      Pattern.compile("^(\\S+) error caused by null operand$");

  private JexlMessages() {}

  static String describe(JexlException exception) {
    String message = exception.getMessage();
    if (message == null) {
      message = exception.getClass().getSimpleName();
    }
    message = LOCATION_PREFIX.matcher(message).replaceFirst("");
    if (message.startsWith("JEXL error : ")) {
      message = message.substring("JEXL error : ".length());
    }
    message = NULL_OPERAND.matcher(message).replaceFirst("null operand for '$1'");
    if (exception instanceof JexlException.Feature) {
      message = "not allowed in mapping expressions: " + message;
    }
    JexlInfo info = exception.getInfo();
    if (info == null) {
      return message;
    }
    StringBuilder text = new StringBuilder(message).append(" at column ").append(info.getColumn());
    String fragment = fragment(info.getDetail());
    if (fragment != null) {
      text.append(" (in '").append(fragment).append("')");
    }
    return text.toString();
  }

  private static @Nullable String fragment(JexlInfo.@Nullable Detail detail) {
    if (detail == null) {
      return null;
    }
    String parsed = detail.toString();
    int start = detail.start();
    int end = detail.end();
    if (parsed == null || start < 0 || end <= start || end > parsed.length()) {
      return null;
    }
    return parsed.substring(start, end);
  }
}
