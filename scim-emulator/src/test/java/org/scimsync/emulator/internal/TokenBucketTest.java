package org.scimsync.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void allowsABurstOfOneSecondThenRefillsAtTheRate() {
    TokenBucket bucket = new TokenBucket(25, 0);
    for (int i = 0; i < 25; i++) {
      assertThat(bucket.tryAcquire(0)).isZero();
    }
    assertThat(bucket.tryAcquire(0)).isBetween(SECOND / 25 - 1000, SECOND / 25 + 1000);
    assertThat(bucket.tryAcquire(SECOND / 25)).isZero();
    assertThat(bucket.tryAcquire(SECOND / 25)).isPositive();
  }

  @Test
  void aPacedCallerNeverWaits() {
    TokenBucket bucket = new TokenBucket(40, 0);
    for (int i = 0; i < 1000; i++) {
      assertThat(bucket.tryAcquire(i * (SECOND / 40))).isZero();
    }
  }

  @Test
  void slowRatesStillAllowOneRequest() {
    TokenBucket bucket = new TokenBucket(0.5, 0);
    assertThat(bucket.tryAcquire(0)).isZero();
    assertThat(bucket.tryAcquire(0)).isEqualTo(2 * SECOND);
  }
}
