package org.scimsync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the several-targets benchmark measures against.
 *
 * @param users users to generate
 * @param groups groups to generate
 * @param seed the generator's seed
 * @param scales one entry per target: its quotas are this many times AWS's (40 reads/s and 25
 *     writes/s per API)
 * @param sameScope true: every target syncs the whole directory; false: target {@code k} of {@code
 *     n} syncs the users and groups whose number ends in a digit {@code d} with {@code d % n == k}
 *     (a share of {@code 1/n} each, together the whole directory; {@code n} must divide 10)
 * @param latency the latency of every emulator; null for 30 ms divided by the target's scale
 * @param syncHeap the sync JVM's {@code -Xmx}
 * @param forkSync run each sync in a JVM of its own (false: in this JVM, for the smoke test)
 * @param workDirectory where the directory, configuration, state and logs go
 * @param resultsDirectory where the JSON and markdown results go
 */
public record TargetsSettings(
    int users,
    int groups,
    long seed,
    List<Integer> scales,
    boolean sameScope,
    @Nullable Duration latency,
    String syncHeap,
    boolean forkSync,
    Path workDirectory,
    Path resultsDirectory) {

  /** AWS's quota of each read API, per second. */
  public static final double AWS_READS_PER_SECOND = 40;

  /** AWS's quota of each write API, per second. */
  public static final double AWS_WRITES_PER_SECOND = 25;

  /** Checks and copies. */
  public TargetsSettings {
    scales = List.copyOf(scales);
    if (scales.size() < 2) {
      throw new IllegalArgumentException("--scales: at least two targets, got " + scales);
    }
    if (scales.stream().anyMatch(s -> s <= 0)) {
      throw new IllegalArgumentException("--scales: every scale must be positive, got " + scales);
    }
    if (!sameScope && 10 % scales.size() != 0) {
      throw new IllegalArgumentException(
          "--scales: shares of the directory need 2, 5 or 10 targets (got "
              + scales.size()
              + "); use --same-scope for another number");
    }
    Objects.requireNonNull(syncHeap, "syncHeap");
    // absolute: the sync JVMs run in the work directory, and their log paths must still hold there
    workDirectory = workDirectory.toAbsolutePath().normalize();
    resultsDirectory = resultsDirectory.toAbsolutePath().normalize();
  }

  /**
   * Settings under {@code target}: work in {@code bench-work/<name>}, results in {@code results}.
   */
  public static TargetsSettings of(
      int users, int groups, long seed, List<Integer> scales, boolean sameScope, Path target) {
    String name = name(users, groups);
    return new TargetsSettings(
        users,
        groups,
        seed,
        scales,
        sameScope,
        null,
        "1g",
        true,
        target.resolve("bench-work").resolve(name),
        target.resolve("results"));
  }

  /** The name of the results files. */
  public String name() {
    return name(users, groups);
  }

  private static String name(int users, int groups) {
    return "targets-" + users + "u-" + groups + "g";
  }

  /** A copy with one latency for every emulator. */
  public TargetsSettings withLatency(Duration value) {
    return new TargetsSettings(
        users,
        groups,
        seed,
        scales,
        sameScope,
        value,
        syncHeap,
        forkSync,
        workDirectory,
        resultsDirectory);
  }

  /** A copy with another sync heap. */
  public TargetsSettings withSyncHeap(String value) {
    return new TargetsSettings(
        users,
        groups,
        seed,
        scales,
        sameScope,
        latency,
        value,
        forkSync,
        workDirectory,
        resultsDirectory);
  }

  /** A copy that runs the syncs in this JVM ({@code false}) or in JVMs of their own. */
  public TargetsSettings withForkSync(boolean value) {
    return new TargetsSettings(
        users,
        groups,
        seed,
        scales,
        sameScope,
        latency,
        syncHeap,
        value,
        workDirectory,
        resultsDirectory);
  }

  /** The targets: {@code t1}, {@code t2}, ... with their quotas, latency and scope. */
  public List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    int n = scales.size();
    for (int k = 0; k < n; k++) {
      int scale = scales.get(k);
      Duration targetLatency = latency != null ? latency : Duration.ofMillis(30).dividedBy(scale);
      String usersInclude = "user.mail != null";
      String groupsInclude = null;
      if (!sameScope) {
        String digits = lastDigits(k, n);
        usersInclude += " && user.uid =~ 'u[0-9]*" + digits + "'";
        groupsInclude = "group.cn =~ '[a-z]+-[0-9]*" + digits + "'";
      }
      targets.add(
          new Target(
              "t" + (k + 1),
              scale,
              AWS_READS_PER_SECOND * scale,
              AWS_WRITES_PER_SECOND * scale,
              targetLatency,
              usersInclude,
              groupsInclude));
    }
    return targets;
  }

  /** A character class of the last digits {@code d} with {@code d % n == k}. */
  private static String lastDigits(int k, int n) {
    StringBuilder digits = new StringBuilder("[");
    for (int d = k; d < 10; d += n) {
      digits.append(d);
    }
    return digits.append(']').toString();
  }

  /**
   * One target of the benchmark.
   *
   * @param name its name in the configuration
   * @param scale its quotas as a multiple of AWS's
   * @param readsPerSecond the quota of each of its read APIs
   * @param writesPerSecond the quota of each of its write APIs
   * @param latency its emulator's latency
   * @param usersInclude its {@code users.include}
   * @param groupsInclude its {@code groups.include}; null for every group
   */
  public record Target(
      String name,
      int scale,
      double readsPerSecond,
      double writesPerSecond,
      Duration latency,
      String usersInclude,
      @Nullable String groupsInclude) {}
}
