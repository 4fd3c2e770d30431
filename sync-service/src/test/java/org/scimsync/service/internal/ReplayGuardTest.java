package org.scimsync.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.scimsync.service.internal.ReplayMemory.Admission;

class ReplayGuardTest {

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T12:00:00Z"));
  private final long now = clock.instant().getEpochSecond();

  @Test
  void refusesASignatureSeenWithinTheWindow() {
    ReplayGuard guard = new ReplayGuard(clock, Duration.ofMinutes(5), 10);
    assertThat(guard.admit("aa", now)).isEqualTo(Admission.FRESH);
    assertThat(guard.admit("bb", now)).isEqualTo(Admission.FRESH);
    clock.advance(Duration.ofMinutes(4));
    assertThat(guard.admit("aa", now)).isEqualTo(Admission.REPLAYED);
  }

  @Test
  void forgetsSignaturesOnceTheirTimestampHasLeftTheWindow() {
    ReplayGuard guard = new ReplayGuard(clock, Duration.ofMinutes(5), 1);
    assertThat(guard.admit("aa", now)).isEqualTo(Admission.FRESH);
    assertThat(guard.admit("bb", now)).isEqualTo(Admission.FULL);
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(guard.admit("bb", now + 301)).isEqualTo(Admission.FRESH);
  }

  @Test
  void keepsAFutureTimestampedSignatureUntilItsOwnWindowEnds() {
    ReplayGuard guard = new ReplayGuard(clock, Duration.ofMinutes(5), 10);
    assertThat(guard.admit("aa", now + 240)).isEqualTo(Admission.FRESH);
    clock.advance(Duration.ofMinutes(8));
    assertThat(guard.admit("aa", now + 240)).isEqualTo(Admission.REPLAYED);
  }
}
