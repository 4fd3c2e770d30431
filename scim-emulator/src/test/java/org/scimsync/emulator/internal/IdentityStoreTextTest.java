package org.scimsync.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdentityStoreTextTest {
  /** The rule as AWS documents it (one character of it). */
  private static final Pattern SHEET =
      Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]");

  @Test
  void allowsExactlyTheCodePointsOfTheDocumentedPattern() {
    List<String> differences = new ArrayList<>();
    for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
      boolean documented = SHEET.matcher(new String(Character.toChars(codePoint))).matches();
      if (documented != IdentityStoreText.allowed(codePoint)) {
        differences.add(Integer.toHexString(codePoint));
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void refusesAnEmptyString() {
    assertThatThrownBy(() -> IdentityStoreText.require("title", ""))
        .isInstanceOf(ScimProblem.class)
        .hasMessageStartingWith(ScimProblem.UNPARSABLE)
        .hasMessageContaining("'title'");
  }

  @Test
  void namesTheAttributeAndTheCharacter() {
    assertThatThrownBy(() -> IdentityStoreText.require("name.familyName", "van\u00a0Dijk"))
        .isInstanceOf(ScimProblem.class)
        .hasMessageContaining("'name.familyName'")
        .hasMessageContaining("U+00A0")
        .satisfies(e -> assertThat(((ScimProblem) e).status()).isEqualTo(400));
  }

  @Test
  void readsSupplementaryCharactersAsOneCodePoint() {
    assertThatCode(() -> IdentityStoreText.require("displayName", "Team 😀 𝔸"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> IdentityStoreText.require("displayName", "bad \ud83d end"))
        .hasMessageContaining("U+D83D");
    assertThatThrownBy(() -> IdentityStoreText.require("displayName", "private \udb80\udc00"))
        .hasMessageContaining("U+F0000");
  }
}
