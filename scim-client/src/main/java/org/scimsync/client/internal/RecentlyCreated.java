package org.scimsync.client.internal;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The resources this client created within a time window ({@code Users/<id>}), so that a 404 on one
 * of them is read as "not visible yet" rather than "gone". Bounded: at most {@code capacity}
 * entries, the oldest forgotten first; expired entries are dropped as new ones arrive. Thread-safe.
 */
final class RecentlyCreated {

  private final long windowNanos;
  private final int capacity;
  private final LongSupplier nanoTime;
  private final LinkedHashMap<String, Long> createdAt = new LinkedHashMap<>();

  /**
   * Creates the memory.
   *
   * @param window how long a created resource counts as recent
   * @param capacity most resources remembered
   * @param nanoTime a monotonic clock in nanoseconds, such as {@code System::nanoTime}
   */
  RecentlyCreated(Duration window, int capacity, LongSupplier nanoTime) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.windowNanos = window.toNanos();
    this.capacity = capacity;
    this.nanoTime = nanoTime;
  }

  /**
   * Remembers a resource created now.
   *
   * @param resourcePath its path relative to the base URL, such as {@code Groups/<encoded id>}
   */
  synchronized void add(String resourcePath) {
    if (windowNanos <= 0) {
      return;
    }
    long now = nanoTime.getAsLong();
    createdAt.remove(resourcePath);
    createdAt.put(resourcePath, now);
    Iterator<Map.Entry<String, Long>> oldestFirst = createdAt.entrySet().iterator();
    while (oldestFirst.hasNext()) {
      Map.Entry<String, Long> oldest = oldestFirst.next();
      if (createdAt.size() > capacity || now - oldest.getValue() > windowNanos) {
        oldestFirst.remove();
      } else {
        break;
      }
    }
  }

  /**
   * Whether a resource was created within the window.
   *
   * @param resourcePath its path relative to the base URL
   * @return true if this client created it recently
   */
  synchronized boolean contains(String resourcePath) {
    Long at = createdAt.get(resourcePath);
    if (at == null) {
      return false;
    }
    if (nanoTime.getAsLong() - at > windowNanos) {
      createdAt.remove(resourcePath);
      return false;
    }
    return true;
  }

  /** How many resources are remembered now (expired ones not yet dropped included). */
  synchronized int size() {
    return createdAt.size();
  }
}
