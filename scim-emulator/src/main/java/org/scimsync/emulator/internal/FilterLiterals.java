package org.scimsync.emulator.internal;

import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.ValuePathExpression;

/**
 * Carries non-ASCII characters of filter string literals through SCIMple's grammar, whose strings
 * hold printable ASCII only and know no {@code \}{@code u} escape: before parsing, each non-ASCII
 * code point of a literal becomes {@code \b<hex>\b} (the grammar's backspace escape); after
 * parsing, the compared values get their characters back. A value that itself holds a backspace, a
 * hex number and a backspace would be misread; the AWS string rule refuses backspaces anyway.
 */
final class FilterLiterals {
  private static final char MARK = '\b';

  private FilterLiterals() {}

  /** Whether the filter holds a non-ASCII character (only then is encoding needed). */
  static boolean needsEncoding(String filter) {
    for (int i = 0; i < filter.length(); i++) {
      if (filter.charAt(i) > 0x7e) {
        return true;
      }
    }
    return false;
  }

  /** The filter with each non-ASCII code point inside a string literal escaped. */
  static String encode(String filter) {
    StringBuilder out = new StringBuilder(filter.length() + 16);
    boolean inString = false;
    int i = 0;
    while (i < filter.length()) {
      int codePoint = filter.codePointAt(i);
      int length = Character.charCount(codePoint);
      if (inString && codePoint == '\\' && i + 1 < filter.length()) {
        out.append(filter, i, i + 2);
        i += 2;
        continue;
      }
      if (codePoint == '"') {
        inString = !inString;
      }
      if (inString && codePoint > 0x7e) {
        out.append("\\b").append(Integer.toHexString(codePoint)).append("\\b");
      } else {
        out.appendCodePoint(codePoint);
      }
      i += length;
    }
    return out.toString();
  }

  /** The expression with its compared strings decoded. */
  static FilterExpression decode(FilterExpression expression) {
    if (expression instanceof AttributeComparisonExpression comparison
        && comparison.getCompareValue() instanceof String value
        && value.indexOf(MARK) >= 0) {
      return new AttributeComparisonExpression(
          comparison.getAttributePath(), comparison.getOperation(), decode(value));
    }
    if (expression instanceof LogicalExpression logical) {
      return logical.setLeft(decode(logical.getLeft())).setRight(decode(logical.getRight()));
    }
    if (expression instanceof GroupExpression group) {
      return group.setFilterExpression(decode(group.getFilterExpression()));
    }
    if (expression instanceof ValuePathExpression valuePath) {
      return valuePath.setAttributeExpression(decode(valuePath.getAttributeExpression()));
    }
    return expression;
  }

  private static String decode(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      int close = value.charAt(i) == MARK ? value.indexOf(MARK, i + 1) : -1;
      if (close > i + 1) {
        try {
          out.appendCodePoint(Integer.parseInt(value.substring(i + 1, close), 16));
          i = close + 1;
          continue;
        } catch (IllegalArgumentException e) {
          // not one of ours: keep the characters as they are
        }
      }
      out.append(value.charAt(i));
      i++;
    }
    return out.toString();
  }
}
