package org.scimsync.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.ValuePathExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterLiteralsTest {

  private static Object value(FilterExpression expression) {
    return ((AttributeComparisonExpression) expression).getCompareValue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Jürgen", "日本チーム", "emoji 😀 ok", "a\\\"ü\\\"b", "ÿ", "plain"})
  void nonAsciiLiteralsParseToTheirOwnValue(String literal) {
    FilterExpression parsed = ListFilters.parse("userName eq \"" + literal + "\"");

    assertThat(value(parsed)).isEqualTo(literal.replace("\\\"", "\""));
  }

  @Test
  void everyComparisonOfATreeIsDecoded() {
    FilterExpression parsed =
        ListFilters.parse(
            "(userName eq \"Ünal\" or title co \"Ärztin\") and emails[value sw \"ö\"]");

    LogicalExpression and = (LogicalExpression) parsed;
    assertThat(and.getLeft().toString())
        .contains("compareValue=Ünal")
        .contains("compareValue=Ärztin");
    ValuePathExpression emails = (ValuePathExpression) and.getRight();
    assertThat(value(emails.getAttributeExpression())).isEqualTo("ö");
  }

  @Test
  void asciiFiltersAreLeftAlone() {
    assertThat(FilterLiterals.needsEncoding("userName eq \"bob\"")).isFalse();
    assertThat(FilterLiterals.encode("userName eq \"bö\"")).isEqualTo("userName eq \"b\\bf6\\b\"");
  }
}
