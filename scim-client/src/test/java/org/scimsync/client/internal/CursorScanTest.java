package org.scimsync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorScanTest {

  private static CursorScan scan(String body) {
    return CursorScan.of(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void findsTheCursorThatAwsSendsBeforeTheResources() {
    assertThat(
            scan("{\"itemsPerPage\":1,\"nextCursor\":\"MTA3OjE\",\"Resources\":[{\"id\":\"u1\"}]}"))
        .isEqualTo(new CursorScan("MTA3OjE", true));
  }

  @Test
  void skipsNestedValuesAndFindsATopLevelCursorAfterThem() {
    String body =
        "{\"schemas\":[\"x\"],\"Resources\":[{\"id\":\"u1\",\"nextCursor\":\"nested\","
            + "\"emails\":[{\"value\":\"a@example.com\"}]},{\"meta\":{\"nextCursor\":\"deeper\"}}],"
            + "\"totalResults\":2,\"nextCursor\":\"top\"}";

    assertThat(scan(body)).isEqualTo(new CursorScan("top", true));
  }

  @Test
  void aPageWithoutCursorIsReadableAndHasNone() {
    assertThat(
            scan("{\"Resources\":[{\"id\":\"u1\",\"nextCursor\":\"nested\"}],\"totalResults\":1}"))
        .isEqualTo(new CursorScan(null, true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"  \"", "null", "42", "{\"a\":\"b\"}", "[\"c\"]"})
  void aBlankOrNonTextCursorCountsAsAbsent(String value) {
    assertThat(scan("{\"nextCursor\":" + value + ",\"Resources\":[]}"))
        .isEqualTo(new CursorScan(null, true));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "<html>Bad gateway</html>",
        "[{\"nextCursor\":\"c1\"}]",
        "\"nextCursor\"",
        "{\"Resources\":[{\"id\":\"u1\"",
        "{\"Resources\":[{\"id\":\"u1\"}], \"nextCursor\" \"c1\"}"
      })
  void aBodyThatIsNotAJsonObjectUpToTheCursorIsUnreadable(String body) {
    assertThat(scan(body)).isEqualTo(new CursorScan(null, false));
  }

  @Test
  void readsCursorsInUtf8() {
    assertThat(scan("{\"nextCursor\":\"é€\"}").nextCursor()).isEqualTo("é€");
  }
}
