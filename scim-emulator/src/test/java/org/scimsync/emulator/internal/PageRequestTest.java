package org.scimsync.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void cursorRoundTripsAndEverySecondOfThreePagesIsShort() {
    PageRequest first = PageRequest.of(Map.of("cursor", "", "count", "10"), true, 3);
    assertThat(first.cursorMode()).isTrue();
    assertThat(first.limit()).isEqualTo(10);

    PageRequest second =
        PageRequest.of(Map.of("cursor", first.nextCursor(42), "count", "10"), true, 3);
    assertThat(second.afterSeq()).isEqualTo(42);
    assertThat(second.pageNumber()).isEqualTo(1);
    assertThat(second.limit()).isEqualTo(5);

    PageRequest third =
        PageRequest.of(Map.of("cursor", second.nextCursor(47), "count", "10"), true, 3);
    assertThat(third.limit()).isEqualTo(10);
  }

  @Test
  void shortPagesCanBeSwitchedOff() {
    PageRequest first = PageRequest.of(Map.of("cursor", "", "count", "10"), true, 0);
    PageRequest second =
        PageRequest.of(Map.of("cursor", first.nextCursor(1), "count", "10"), true, 0);
    assertThat(second.limit()).isEqualTo(10);
  }

  @Test
  void rfcProfileUsesStartIndex() {
    PageRequest page = PageRequest.of(Map.of("startIndex", "21", "count", "5000"), false, 3);
    assertThat(page.skip()).isEqualTo(20);
    assertThat(page.limit()).isEqualTo(1000);
    assertThat(page.cursorMode()).isFalse();
  }

  @Test
  void awsRefusesCountAbove100() {
    assertThatThrownBy(() -> PageRequest.of(Map.of("count", "101"), true, 3))
        .isInstanceOf(ScimProblem.class)
        .hasMessageContaining("count");
  }
}
