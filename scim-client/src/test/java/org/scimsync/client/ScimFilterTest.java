package org.scimsync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScimFilterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "o\"brien",
        "back\\slash",
        "both\\\"",
        "\"",
        "\\",
        "{braces}",
        "tab\there"
      })
  void quotedValuesParseBackToTheOriginal(String value) throws FilterParseException {
    Filter filter = new Filter(ScimFilter.eq("userName", value));

    AttributeComparisonExpression expression =
        (AttributeComparisonExpression) filter.getExpression();
    assertThat(expression.getCompareValue()).isEqualTo(value);
  }

  @Test
  void escapesQuotesAndBackslashes() {
    assertThat(ScimFilter.eq("userName", "a\"b\\c")).isEqualTo("userName eq \"a\\\"b\\\\c\"");
  }

  @Test
  void leavesNonAsciiCharactersAsTheyAre() {
    // SCIMple's own filter grammar rejects non-ASCII, so this one is checked on the text.
    assertThat(ScimFilter.quote("ünïcødé Ωμέγα")).isEqualTo("\"ünïcødé Ωμέγα\"");
  }

  @Test
  void joinsWithAnd() {
    assertThat(ScimFilter.and(ScimFilter.eq("id", "g"), ScimFilter.eq("members", "u")))
        .isEqualTo("id eq \"g\" and members eq \"u\"");
  }

  @Test
  void refusesAttributePathsThatWouldInjectFilterSyntax() {
    assertThatThrownBy(() -> ScimFilter.eq("userName eq \"x\" or id", "y"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
