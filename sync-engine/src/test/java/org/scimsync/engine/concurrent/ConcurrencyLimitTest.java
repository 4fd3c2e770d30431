package org.scimsync.engine.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The requests in flight of one lane, on a fake clock. */
class ConcurrencyLimitTest {

  private static final Duration RTT_150 = Duration.ofMillis(150);

  private final AtomicLong now = new AtomicLong();

  private ConcurrencyLimit limit(double rate, int floor, int cap) {
    return new ConcurrencyLimit(rate, floor, cap, now::get);
  }

  private static void answered(ConcurrencyLimit limit, int times, Duration roundTrip) {
    for (int i = 0; i < times; i++) {
      limit.onResponse(200, roundTrip);
    }
  }

  @Test
  void keepsTheFixedParallelismUntilARoundTripIsKnown() {
    assertThat(limit(100, 8, 64).limit()).isEqualTo(8);
  }

  @Test
  void keepsEnoughInFlightForTheRateAtALongRoundTrip() {
    ConcurrencyLimit limit = limit(100, 8, 64);

    answered(limit, 1, RTT_150);

    // 100/s x 0.150 s = 15 in flight, x 1.25 headroom = 18.75, + 1 waiting for its permit
    assertThat(limit.limit()).isEqualTo(20);
    assertThat(limit.roundTrip()).isEqualTo(RTT_150);
  }

  @Test
  void aShortRoundTripKeepsTheFixedParallelism() {
    ConcurrencyLimit limit = limit(25, 8, 64);

    answered(limit, 5, Duration.ofMillis(30));

    assertThat(limit.limit()).isEqualTo(8);
  }

  @Test
  void followsTheAverageRoundTrip() {
    ConcurrencyLimit limit = limit(100, 8, 64);
    answered(limit, 1, Duration.ofMillis(30));
    assertThat(limit.limit()).isEqualTo(8);

    answered(limit, 40, Duration.ofMillis(300));

    // 100 x 0.3 x 1.25 = 37.5 -> 38, + 1
    assertThat(limit.limit()).isEqualTo(39);
  }

  @Test
  void neverExceedsTheCap() {
    ConcurrencyLimit limit = limit(1000, 8, 64);

    answered(limit, 1, RTT_150);

    assertThat(limit.limit()).isEqualTo(64);
    assertThat(limit(100, 8, 4).limit()).as("floor lowered to the cap").isEqualTo(4);
  }

  @Test
  void anUnknownRateKeepsTheFixedParallelism() {
    ConcurrencyLimit limit = limit(0, 8, 64);

    answered(limit, 3, RTT_150);

    assertThat(limit.limit()).isEqualTo(8);
  }

  @Test
  void halvesOnThrottlingAtMostOncePerRoundTrip() {
    ConcurrencyLimit limit = limit(100, 8, 64);
    answered(limit, 1, RTT_150);

    limit.onResponse(429, Duration.ofMillis(5));
    assertThat(limit.limit()).isEqualTo(10);
    limit.onResponse(429, Duration.ofMillis(5));
    now.addAndGet(Duration.ofMillis(100).toNanos());
    limit.onResponse(429, Duration.ofMillis(5));
    assertThat(limit.limit()).as("answers to requests sent before the decrease").isEqualTo(10);

    now.addAndGet(Duration.ofMillis(60).toNanos());
    limit.onResponse(429, Duration.ofMillis(5));
    assertThat(limit.limit()).isEqualTo(5);
  }

  @Test
  void throttlingMayGoBelowTheFixedParallelismButNeverBelowOne() {
    ConcurrencyLimit limit = limit(100, 8, 64);
    for (int i = 0; i < 10; i++) {
      now.addAndGet(Duration.ofSeconds(1).toNanos());
      limit.onResponse(429, Duration.ofMillis(5));
    }

    assertThat(limit.limit()).isEqualTo(1);
  }

  @Test
  void growsBackByOnePerRoundTripOfAnswers() {
    ConcurrencyLimit limit = limit(100, 8, 64);
    answered(limit, 1, RTT_150);
    limit.onResponse(429, Duration.ofMillis(5));
    assertThat(limit.limit()).isEqualTo(10);

    answered(limit, 10, RTT_150);
    assertThat(limit.limit()).isEqualTo(11);
    answered(limit, 200, RTT_150);
    assertThat(limit.limit()).as("back to Little's law, not beyond").isEqualTo(20);
  }

  @Test
  void anAttemptWithoutAnAnswerTellsNothing() {
    ConcurrencyLimit limit = limit(100, 8, 64);

    limit.onResponse(-1, Duration.ofSeconds(30));

    assertThat(limit.limit()).isEqualTo(8);
    assertThat(limit.roundTrip()).isEqualTo(Duration.ZERO);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> limit(-1, 8, 64)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limit(Double.NaN, 8, 64)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limit(100, 0, 64)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limit(100, 8, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
