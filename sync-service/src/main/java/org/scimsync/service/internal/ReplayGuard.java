package org.scimsync.service.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Remembers the signatures of accepted webhook requests until their timestamp leaves the acceptance
 * window, so that a captured request cannot be replayed. Bounded: when it holds {@code capacity}
 * live signatures it refuses new requests (answered 429) instead of forgetting one that could then
 * be replayed.
 */
final class ReplayGuard implements ReplayMemory {

  private record Seen(long expiresAtSecond, String signature) {}

  private final Clock clock;
  private final long windowSeconds;
  private final int capacity;
  private final Set<String> signatures = new HashSet<>();
  private final PriorityQueue<Seen> byExpiry =
      new PriorityQueue<>((a, b) -> Long.compare(a.expiresAtSecond(), b.expiresAtSecond()));

  ReplayGuard(Clock clock, Duration window, int capacity) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.windowSeconds = window.toSeconds();
    this.capacity = capacity;
  }

  /**
   * Records a verified signature whose timestamp is within the window.
   *
   * @param signature the normalised (lower-case hex) signature
   * @param timestamp the request's timestamp in Unix seconds
   */
  @Override
  public synchronized Admission admit(String signature, long timestamp) {
    long now = clock.instant().getEpochSecond();
    while (!byExpiry.isEmpty() && byExpiry.peek().expiresAtSecond() < now) {
      signatures.remove(byExpiry.poll().signature());
    }
    if (signatures.contains(signature)) {
      return Admission.REPLAYED;
    }
    if (signatures.size() >= capacity) {
      return Admission.FULL;
    }
    signatures.add(signature);
    byExpiry.add(new Seen(timestamp + windowSeconds, signature));
    return Admission.FRESH;
  }
}
