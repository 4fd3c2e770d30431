package org.scimsync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one benchmark run measures against.
 *
 * @param users users in the generated directory
 * @param groups groups in the generated directory
 * @param seed the generator's seed
 * @param scale the emulator's quotas are {@code scale} times AWS's (40 reads/s and 25 writes/s per
 *     API); 1 is AWS
 * @param latency the emulator's latency per request (AWS mode: 30 ms; scaled mode: 30 ms / scale,
 *     which keeps the shape of the run: the same requests in flight per API)
 * @param syncHeap the sync JVM's {@code -Xmx}, e.g. {@code 1g}
 * @param forkSync run each sync in a JVM of its own (true: its heap is the engine's alone); false
 *     runs it in this JVM, beside the emulator, which is quicker for a smoke test
 * @param initialScale the quotas of the initial sync are {@code initialScale} times AWS's (with the
 *     latency divided likewise); the other scenarios run at {@code scale}. A larger initial scale
 *     measures the no-op and change runs at AWS's quotas without the 35-minute initial sync
 * @param workDirectory where the directory, configuration, state and logs go
 * @param resultsDirectory where the JSON and markdown results go
 * @param maxConcurrency {@code target.maxConcurrency} of the sync's configuration; null for the
 *     default
 */
public record BenchmarkSettings(
    int users,
    int groups,
    long seed,
    int scale,
    Duration latency,
    String syncHeap,
    boolean forkSync,
    int initialScale,
    Path workDirectory,
    Path resultsDirectory,
    @Nullable Integer maxConcurrency) {

  /** AWS's quota of each read API. */
  public static final double AWS_READS_PER_SECOND = 40;

  /** AWS's quota of each write API. */
  public static final double AWS_WRITES_PER_SECOND = 25;

  /** The latency of AWS mode. */
  public static final Duration AWS_LATENCY = Duration.ofMillis(30);

  /** Checks the settings. */
  public BenchmarkSettings {
    if (users < 1 || groups < 0 || scale < 1 || initialScale < 1) {
      throw new IllegalArgumentException(
          "need users >= 1, groups >= 0, scale >= 1 and initial scale >= 1");
    }
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(syncHeap, "syncHeap");
    Objects.requireNonNull(workDirectory, "workDirectory");
    Objects.requireNonNull(resultsDirectory, "resultsDirectory");
  }

  /** Settings with AWS's latency divided by the scale, under {@code target/}. */
  public static BenchmarkSettings of(int users, int groups, long seed, int scale, Path target) {
    String name = name(users, groups, scale, scale);
    // absolute: each sync runs in a child process whose working directory is the scenario's
    Path root = target.toAbsolutePath();
    return new BenchmarkSettings(
        users,
        groups,
        seed,
        scale,
        AWS_LATENCY.dividedBy(scale),
        "1g",
        true,
        scale,
        root.resolve("bench-work").resolve(name),
        root.resolve("results"),
        null);
  }

  /** The emulator's and the client's quota of each read API. */
  public double readsPerSecond() {
    return AWS_READS_PER_SECOND * scale;
  }

  /** The emulator's and the client's quota of each write API. */
  public double writesPerSecond() {
    return AWS_WRITES_PER_SECOND * scale;
  }

  /** The quotas of the long-round-trip scenario: AWS's raised fourfold (100 writes/s per API). */
  public static final int LONG_ROUND_TRIP_SCALE = 4;

  /** The latency of the long-round-trip scenario. */
  public static final Duration LONG_ROUND_TRIP_LATENCY = Duration.ofMillis(150);

  /**
   * Settings of the long-round-trip scenario: quotas raised to 4 × AWS's (160 reads/s, 100 writes/s
   * per API) at a 150 ms latency, where a fixed 8 requests in flight would reach only 53 writes/s.
   */
  public static BenchmarkSettings longRoundTrip(int users, int groups, long seed, Path target) {
    return of(users, groups, seed, LONG_ROUND_TRIP_SCALE, target)
        .withLatency(LONG_ROUND_TRIP_LATENCY);
  }

  /**
   * A name for the files of this run, e.g. {@code 5000u-1000g-x10}, {@code
   * 50000u-10000g-aws-initial-x10} when the initial sync ran at another scale, {@code
   * 5000u-1000g-x4-150ms} when the latency is longer than AWS's divided by the scale.
   */
  public String name() {
    return name(users, groups, scale, initialScale, latency);
  }

  private static String name(int users, int groups, int scale, int initialScale) {
    String name = users + "u-" + groups + "g-" + label(scale);
    return initialScale == scale ? name : name + "-initial-" + label(initialScale);
  }

  private static String name(int users, int groups, int scale, int initialScale, Duration latency) {
    String name = name(users, groups, scale, initialScale);
    return latency.compareTo(AWS_LATENCY.dividedBy(scale)) > 0
        ? name + "-" + latency.toMillis() + "ms"
        : name;
  }

  private static String label(int scale) {
    return scale == 1 ? "aws" : "x" + scale;
  }

  /**
   * The settings of the initial sync: quotas at {@code initialScale}, the latency scaled likewise
   * ({@code latency × scale / initialScale}).
   */
  public BenchmarkSettings initial() {
    if (initialScale == scale) {
      return this;
    }
    return new BenchmarkSettings(
        users,
        groups,
        seed,
        initialScale,
        latency.multipliedBy(scale).dividedBy(initialScale),
        syncHeap,
        forkSync,
        initialScale,
        workDirectory,
        resultsDirectory,
        maxConcurrency);
  }

  /** A copy whose initial sync runs at another scale (the work directory is renamed with it). */
  public BenchmarkSettings withInitialScale(int value) {
    Path work = workDirectory.resolveSibling(name(users, groups, scale, value, latency));
    return new BenchmarkSettings(
        users,
        groups,
        seed,
        scale,
        latency,
        syncHeap,
        forkSync,
        value,
        work,
        resultsDirectory,
        maxConcurrency);
  }

  /** A copy with another latency (a longer one than AWS's names the work directory after it). */
  public BenchmarkSettings withLatency(Duration value) {
    Path work = workDirectory.resolveSibling(name(users, groups, scale, initialScale, value));
    return new BenchmarkSettings(
        users,
        groups,
        seed,
        scale,
        value,
        syncHeap,
        forkSync,
        initialScale,
        work,
        resultsDirectory,
        maxConcurrency);
  }

  /**
   * A copy whose sync caps its requests in flight at {@code value} ({@code target.maxConcurrency}).
   */
  public BenchmarkSettings withMaxConcurrency(@Nullable Integer value) {
    return new BenchmarkSettings(
        users,
        groups,
        seed,
        scale,
        latency,
        syncHeap,
        forkSync,
        initialScale,
        workDirectory,
        resultsDirectory,
        value);
  }

  /** A copy with another sync heap. */
  public BenchmarkSettings withSyncHeap(String value) {
    return new BenchmarkSettings(
        users,
        groups,
        seed,
        scale,
        latency,
        value,
        forkSync,
        initialScale,
        workDirectory,
        resultsDirectory,
        maxConcurrency);
  }

  /** A copy that runs the syncs in JVMs of their own or in this one. */
  public BenchmarkSettings withForkSync(boolean value) {
    return new BenchmarkSettings(
        users,
        groups,
        seed,
        scale,
        latency,
        syncHeap,
        value,
        initialScale,
        workDirectory,
        resultsDirectory,
        maxConcurrency);
  }
}
