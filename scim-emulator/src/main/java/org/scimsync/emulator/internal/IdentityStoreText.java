package org.scimsync.emulator.internal;

import java.util.Locale;

/**
 * The Identity Store string rule of the AWS profile: every string attribute must match {@code
 * [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+}, so it holds at least one character and no control, format
 * (zero-width space, soft hyphen, BOM), private-use or unassigned character and no space other than
 * U+0020 (no-break space, thin space, line separator). A violation fails the whole request with 400
 * "Request is unparsable, …", as AWS does; the emulator adds which attribute and character.
 *
 * <p>Checked by general category per code point, without a regular expression: printable ASCII
 * takes one comparison per character.
 */
final class IdentityStoreText {
  private IdentityStoreText() {}

  /** Throws 400 unless {@code value} of the attribute {@code label} follows the rule. */
  static void require(String label, String value) {
    if (value.isEmpty()) {
      throw ScimProblem.invalidValue(
          ScimProblem.UNPARSABLE + " Attribute '" + label + "' must not be empty.");
    }
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        i++;
        continue;
      }
      int codePoint = value.codePointAt(i);
      if (!allowed(codePoint)) {
        throw ScimProblem.invalidValue(
            ScimProblem.UNPARSABLE
                + " Attribute '"
                + label
                + "' holds the character "
                + String.format(Locale.ROOT, "U+%04X", codePoint)
                + ", which the Identity Store refuses.");
      }
      i += Character.charCount(codePoint);
    }
  }

  /** Whether one code point is in {@code [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]}. */
  static boolean allowed(int codePoint) {
    if (codePoint == ' ' || codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
      return true;
    }
    return switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER,
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
          Character.OTHER_PUNCTUATION ->
          true;
      default -> false;
    };
  }
}
