package org.scimsync.engine;

import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.scimsync.engine.apply.ProgressListener;

/**
 * What one run is asked to do.
 *
 * @param trigger what started it: {@code cli}, {@code schedule}, {@code webhook}, {@code demo}
 * @param full re-read the whole target even if the last full run is recent
 * @param dryRun plan and report only; nothing is written to the target or the state store
 * @param allowDeletes lift the deletion guard for this run
 * @param verifyMembers read the real memberships of managed users and repair drift
 * @param onlyUserKeys provision only these source users (on demand); empty means everything
 * @param stopRequested polled between changes; once true, no new change starts, the changes in
 *     flight finish and the run is recorded as {@code PARTIAL} with the message {@code stopped by
 *     shutdown} and exit code 1 (not everything was applied; the next run applies the rest)
 * @param progress told the planned total and each finished change
 */
public record SyncOptions(
    String trigger,
    boolean full,
    boolean dryRun,
    boolean allowDeletes,
    boolean verifyMembers,
    Set<String> onlyUserKeys,
    BooleanSupplier stopRequested,
    ProgressListener progress) {

  /** A stop signal that is never raised. */
  public static final BooleanSupplier NEVER_STOP = () -> false;

  public SyncOptions {
    Objects.requireNonNull(trigger, "trigger");
    onlyUserKeys = Set.copyOf(onlyUserKeys);
    Objects.requireNonNull(stopRequested, "stopRequested");
    Objects.requireNonNull(progress, "progress");
  }

  /** A run that is never stopped early and reports no progress. */
  public SyncOptions(
      String trigger,
      boolean full,
      boolean dryRun,
      boolean allowDeletes,
      boolean verifyMembers,
      Set<String> onlyUserKeys) {
    this(
        trigger,
        full,
        dryRun,
        allowDeletes,
        verifyMembers,
        onlyUserKeys,
        NEVER_STOP,
        ProgressListener.NONE);
  }

  /**
   * A normal run started by {@code trigger}: incremental when allowed, destructive within limits.
   */
  public static SyncOptions of(String trigger) {
    return new SyncOptions(trigger, false, false, false, false, Set.of());
  }

  /** This run, forced to be full. */
  public SyncOptions withFull(boolean value) {
    return new SyncOptions(
        trigger, value, dryRun, allowDeletes, verifyMembers, onlyUserKeys, stopRequested, progress);
  }

  /** This run, as a dry run or not. */
  public SyncOptions withDryRun(boolean value) {
    return new SyncOptions(
        trigger, full, value, allowDeletes, verifyMembers, onlyUserKeys, stopRequested, progress);
  }

  /** This run, with the deletion guard lifted or not. */
  public SyncOptions withAllowDeletes(boolean value) {
    return new SyncOptions(
        trigger, full, dryRun, value, verifyMembers, onlyUserKeys, stopRequested, progress);
  }

  /** This run, verifying memberships or not. */
  public SyncOptions withVerifyMembers(boolean value) {
    return new SyncOptions(
        trigger, full, dryRun, allowDeletes, value, onlyUserKeys, stopRequested, progress);
  }

  /** This run, limited to these source users. */
  public SyncOptions withOnlyUserKeys(Set<String> keys) {
    return new SyncOptions(
        trigger, full, dryRun, allowDeletes, verifyMembers, keys, stopRequested, progress);
  }

  /** This run, stopping early once {@code signal} answers true. */
  public SyncOptions withStopRequested(BooleanSupplier signal) {
    return new SyncOptions(
        trigger, full, dryRun, allowDeletes, verifyMembers, onlyUserKeys, signal, progress);
  }

  /** This run, reporting its progress to {@code listener}. */
  public SyncOptions withProgress(ProgressListener listener) {
    return new SyncOptions(
        trigger, full, dryRun, allowDeletes, verifyMembers, onlyUserKeys, stopRequested, listener);
  }
}
