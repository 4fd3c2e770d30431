package org.scimsync.emulator.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When resources were created over SCIM, so that reads and updates of their id can be answered 404
 * while they are younger than the consistency window. Only creations made while a window is set are
 * remembered; entries older than the window are dropped when looked at and, every {@value
 * #PURGE_EVERY} creations, all at once, so the memory held is bounded by the creations of one
 * window.
 */
final class ConsistencyWindow {
  private static final int PURGE_EVERY = 1024;

  private final Map<String, Long> createdNanos = new ConcurrentHashMap<>();
  private final AtomicInteger sincePurge = new AtomicInteger();

  /** Remembers that {@code id} was created now (call only while a window is set). */
  void created(String id, long windowNanos) {
    long now = System.nanoTime();
    createdNanos.put(id, now);
    if (sincePurge.incrementAndGet() >= PURGE_EVERY) {
      sincePurge.set(0);
      createdNanos.values().removeIf(created -> now - created >= windowNanos);
    }
  }

  /** Whether {@code id} was created less than {@code windowNanos} ago. */
  boolean hides(String id, long windowNanos) {
    Long created = createdNanos.get(id);
    if (created == null) {
      return false;
    }
    if (System.nanoTime() - created < windowNanos) {
      return true;
    }
    createdNanos.remove(id, created);
    return false;
  }

  /** Forgets every creation (new settings or a reset). */
  void clear() {
    createdNanos.clear();
  }
}
