package org.scimsync.engine;

import java.util.Objects;
import java.util.Set;

/**
 * What one run is asked to do.
 *
 * @param trigger what started it: {@code cli}, {@code schedule}, {@code webhook}, {@code demo}
 * @param full re-read the whole target even if the last full run is recent
 * @param dryRun plan and report only; nothing is written to the target or the state store
 * @param allowDeletes lift the deletion guard for this run
 * @param verifyMembers read the real memberships of managed users and repair drift
 * @param onlyUserKeys provision only these source users (on demand); empty means everything
 */
public record SyncOptions(
    String trigger,
    boolean full,
    boolean dryRun,
    boolean allowDeletes,
    boolean verifyMembers,
    Set<String> onlyUserKeys) {

  public SyncOptions {
    Objects.requireNonNull(trigger, "trigger");
    onlyUserKeys = Set.copyOf(onlyUserKeys);
  }

  /**
   * A normal run started by {@code trigger}: incremental when allowed, destructive within limits.
   */
  public static SyncOptions of(String trigger) {
    return new SyncOptions(trigger, false, false, false, false, Set.of());
  }

  /** This run, forced to be full. */
  public SyncOptions withFull(boolean value) {
    return new SyncOptions(trigger, value, dryRun, allowDeletes, verifyMembers, onlyUserKeys);
  }

  /** This run, as a dry run or not. */
  public SyncOptions withDryRun(boolean value) {
    return new SyncOptions(trigger, full, value, allowDeletes, verifyMembers, onlyUserKeys);
  }

  /** This run, with the deletion guard lifted or not. */
  public SyncOptions withAllowDeletes(boolean value) {
    return new SyncOptions(trigger, full, dryRun, value, verifyMembers, onlyUserKeys);
  }

  /** This run, verifying memberships or not. */
  public SyncOptions withVerifyMembers(boolean value) {
    return new SyncOptions(trigger, full, dryRun, allowDeletes, value, onlyUserKeys);
  }

  /** This run, limited to these source users. */
  public SyncOptions withOnlyUserKeys(Set<String> keys) {
    return new SyncOptions(trigger, full, dryRun, allowDeletes, verifyMembers, keys);
  }
}
