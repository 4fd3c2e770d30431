package org.scimsync.mapping.internal.sanitize;

import org.jspecify.annotations.Nullable;

/**
 * The characters AWS IAM Identity Center accepts in a string: {@code
 * [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]}, at least one. Any other space (no-break space U+00A0, thin
 * space U+2009, line and paragraph separators) becomes U+0020; any other character (controls,
 * format characters such as the zero-width space U+200B, the soft hyphen U+00AD or the byte order
 * mark U+FEFF, private use, unassigned code points and lone surrogates) is removed.
 *
 * <p>One scan of the code points, without a regular expression, and no copy at all for a string
 * that is already acceptable: this runs for every string of every user.
 */
final class AwsCharacters {

  /** The general categories L, M, S, N and P, as bits of {@link Character#getType}. */
  private static final long ACCEPTED =
      bits(
          Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION);

  /** The categories Zs, Zl and Zp. */
  private static final long SPACES =
      bits(Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR);

  private AwsCharacters() {}

  /**
   * A string made acceptable.
   *
   * @param text the acceptable string; empty when nothing acceptable was left
   * @param removed how many characters were removed
   * @param replaced how many spaces were replaced by U+0020
   */
  record Cleaned(String text, int removed, int replaced) {}

  /** {@code text} made acceptable; null when it already is (an empty string is not). */
  static @Nullable Cleaned clean(String text) {
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (c >= ' ' && c < 0x7f) {
        i++;
        continue;
      }
      int codePoint = text.codePointAt(i);
      if (!accepted(codePoint)) {
        break;
      }
      i += Character.charCount(codePoint);
    }
    if (i == length) {
      return length == 0 ? new Cleaned(text, 0, 0) : null;
    }
    StringBuilder cleaned = new StringBuilder(length).append(text, 0, i);
    int removed = 0;
    int replaced = 0;
    while (i < length) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (accepted(codePoint)) {
        cleaned.appendCodePoint(codePoint);
      } else if (isBit(SPACES, Character.getType(codePoint))) {
        cleaned.append(' ');
        replaced++;
      } else {
        removed++;
      }
    }
    return new Cleaned(cleaned.toString(), removed, replaced);
  }

  private static boolean accepted(int codePoint) {
    return codePoint == ' '
        || codePoint == '\t'
        || codePoint == '\n'
        || codePoint == '\r'
        || isBit(ACCEPTED, Character.getType(codePoint));
  }

  private static boolean isBit(long bits, int type) {
    return (bits & (1L << type)) != 0;
  }

  private static long bits(int... types) {
    long bits = 0;
    for (int type : types) {
      bits |= 1L << type;
    }
    return bits;
  }
}
