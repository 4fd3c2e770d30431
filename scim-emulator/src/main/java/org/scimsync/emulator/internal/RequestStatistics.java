package org.scimsync.emulator.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.scimsync.emulator.EmulatorStats;

/** Counts answered requests per API and status; thread-safe and cheap on the hot path. */
public final class RequestStatistics {
  private final Map<String, Map<Integer, LongAdder>> counts = new ConcurrentHashMap<>();

  /** Records one answer (status 0 = connection dropped). */
  public void record(String api, int status) {
    counts
        .computeIfAbsent(api, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(status, k -> new LongAdder())
        .increment();
  }

  /** A copy of the counts. */
  public EmulatorStats snapshot() {
    Map<String, Map<Integer, Long>> copy = new HashMap<>();
    counts.forEach(
        (api, statuses) -> {
          Map<Integer, Long> byStatus = new HashMap<>();
          statuses.forEach((status, n) -> byStatus.put(status, n.sum()));
          copy.put(api, byStatus);
        });
    return new EmulatorStats(copy);
  }

  /** Forgets all counts. */
  public void reset() {
    counts.clear();
  }
}
