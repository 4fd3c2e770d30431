package org.scimsync.emulator.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.scimsync.emulator.EmulatorStats;
import org.scimsync.emulator.FaultSettings;

/**
 * Decides the faults of each request from the current {@link FaultSettings}: latency, dropped
 * connections, per-API token-bucket rate limits, random 500s, the consistency window and
 * concurrent-modification 409s. Thread-safe; the settings can be replaced at any time (the buckets
 * then start full again and the remembered creations are forgotten).
 */
public final class FaultInjector {
  private volatile FaultSettings settings;
  private volatile Random random;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final ConsistencyWindow window = new ConsistencyWindow();

  /** Starts with the given settings. */
  public FaultInjector(FaultSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.random = new Random(settings.seed());
  }

  /** The current settings. */
  public FaultSettings settings() {
    return settings;
  }

  /** Replaces the settings; rate-limit buckets restart full. */
  public synchronized void update(FaultSettings newSettings) {
    this.settings = Objects.requireNonNull(newSettings, "settings");
    this.random = new Random(newSettings.seed());
    buckets.clear();
    window.clear();
  }

  /** The delay to add to this request, in milliseconds (0 when none). */
  public long latencyMillis() {
    FaultSettings s = settings;
    long base = s.latency().toMillis();
    long jitter = s.latencyJitter().toMillis();
    return jitter > 0 ? base + (long) (random.nextDouble() * (jitter + 1)) : base;
  }

  /** Whether to close this request's connection without an answer. */
  public boolean dropConnection() {
    return chance(settings.dropConnectionRatio());
  }

  /**
   * Takes a token from this API's bucket.
   *
   * @return 0 when the request may proceed, else the nanoseconds until it could
   */
  public long throttle(String api) {
    FaultSettings s = settings;
    double rate = EmulatorStats.WRITE_APIS.contains(api) ? s.writesPerSecond() : s.readsPerSecond();
    if (rate <= 0) {
      return 0;
    }
    long now = System.nanoTime();
    return buckets.computeIfAbsent(api, k -> new TokenBucket(rate, now)).tryAcquire(now);
  }

  /** Whether to answer 500 before applying this request. */
  public boolean error500Before() {
    return chance(settings.error500BeforeRatio());
  }

  /** Whether to answer 500 after applying this write. */
  public boolean error500After() {
    return chance(settings.error500AfterRatio());
  }

  /** Whether to answer a PATCH 409 "concurrently modified" without applying it. */
  public boolean concurrentModification() {
    return chance(settings.concurrentModificationRatio());
  }

  /** Remembers a resource created over SCIM, while a consistency window is set. */
  public void created(String id) {
    long windowNanos = settings.consistencyWindow().toNanos();
    if (windowNanos > 0) {
      window.created(id, windowNanos);
    }
  }

  /** Whether a resource is still inside the consistency window (answer 404). */
  public boolean invisible(String id) {
    long windowNanos = settings.consistencyWindow().toNanos();
    return windowNanos > 0 && window.hides(id, windowNanos);
  }

  private boolean chance(double ratio) {
    return ratio > 0 && random.nextDouble() < ratio;
  }
}
