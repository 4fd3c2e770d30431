package org.scimsync.state.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnsTest {

  @Property(tries = 2000)
  void timestampsRoundTripExactly(@ForAll("instants") Instant instant) {
    String text = Columns.text(instant);

    assertThat(Columns.instant(text)).isEqualTo(instant).isEqualTo(Instant.parse(text));
  }

  @Property(tries = 500)
  void timestampTextSortsLikeTime(@ForAll("instants") Instant a, @ForAll("instants") Instant b) {
    assertThat(Integer.signum(Columns.text(a).compareTo(Columns.text(b))))
        .isEqualTo(Integer.signum(a.compareTo(b)));
  }

  @Provide
  Arbitrary<Instant> instants() {
    long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    return Arbitraries.longs()
        .between(from, to)
        .flatMap(
            s ->
                Arbitraries.integers()
                    .between(0, 999_999_999)
                    .map(n -> Instant.ofEpochSecond(s, n)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-23T13:16:14Z",
        "2026-11-23T13:16:14.5Z",
        "+10000-01-01T00:00:00.000000000Z",
        "-0001-12-31T23:59:59.999999999Z"
      })
  void otherIsoFormsAreReadToo(String text) {
    assertThat(Columns.instant(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-13-23T13:16:14.000000000Z", "2026-11-23X13:16:14.000000000Z"})
  void malformedTimestampsAreRefused(String text) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Columns.instant(text))
        .isInstanceOf(java.time.format.DateTimeParseException.class);
  }

  @Property(tries = 200)
  void stringListsRoundTripThroughJson(@ForAll List<String> strings) throws Exception {
    assertThat(Columns.strings(Columns.json(strings))).isEqualTo(strings);
  }
}
