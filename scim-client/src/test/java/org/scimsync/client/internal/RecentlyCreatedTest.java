package org.scimsync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentlyCreatedTest {

  private final AtomicLong now = new AtomicLong(1_000);

  private RecentlyCreated memory(Duration window, int capacity) {
    return new RecentlyCreated(window, capacity, now::get);
  }

  @Test
  void remembersAResourceWithinTheWindowOnly() {
    RecentlyCreated recent = memory(Duration.ofSeconds(60), 10);
    recent.add("Groups/g1");

    now.addAndGet(Duration.ofSeconds(60).toNanos());
    assertThat(recent.contains("Groups/g1")).isTrue();
    assertThat(recent.contains("Groups/g2")).isFalse();

    now.addAndGet(1);
    assertThat(recent.contains("Groups/g1")).isFalse();
    assertThat(recent.size()).isZero();
  }

  @Test
  void forgetsTheOldestBeyondItsCapacity() {
    RecentlyCreated recent = memory(Duration.ofSeconds(60), 3);
    for (int i = 1; i <= 5; i++) {
      recent.add("Users/u" + i);
    }

    assertThat(recent.size()).isEqualTo(3);
    assertThat(recent.contains("Users/u1")).isFalse();
    assertThat(recent.contains("Users/u2")).isFalse();
    assertThat(recent.contains("Users/u3")).isTrue();
    assertThat(recent.contains("Users/u5")).isTrue();
  }

  @Test
  void dropsExpiredEntriesAsNewOnesArrive() {
    RecentlyCreated recent = memory(Duration.ofSeconds(10), 100);
    for (int i = 0; i < 50; i++) {
      recent.add("Users/old" + i);
    }
    now.addAndGet(Duration.ofSeconds(11).toNanos());

    recent.add("Users/new");

    assertThat(recent.size()).isEqualTo(1);
  }

  @Test
  void aResourceCreatedAgainCountsFromItsNewCreation() {
    RecentlyCreated recent = memory(Duration.ofSeconds(10), 2);
    recent.add("Users/a");
    recent.add("Users/b");
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    recent.add("Users/a");
    recent.add("Users/c");

    // b is now the oldest and goes first; a was refreshed.
    assertThat(recent.contains("Users/b")).isFalse();
    assertThat(recent.contains("Users/a")).isTrue();
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(recent.contains("Users/a")).isTrue();
  }

  @Test
  void aZeroWindowRemembersNothing() {
    RecentlyCreated recent = memory(Duration.ZERO, 10);
    recent.add("Users/a");

    assertThat(recent.contains("Users/a")).isFalse();
    assertThat(recent.size()).isZero();
  }
}
