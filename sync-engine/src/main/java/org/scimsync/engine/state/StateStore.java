package org.scimsync.engine.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The engine's memory between runs: links from source keys to target ids, content hashes, the
 * memberships pushed to the target (which AWS cannot list), the run history and a journal of every
 * change.
 *
 * <p>The state is a cache and a record of what the target cannot tell; a full run re-reads the
 * target. Nothing stored here is ever a secret. Implementations are safe for use by several threads
 * of one run.
 */
public interface StateStore extends CacheStore, AutoCloseable {

  /**
   * Takes the one-run-at-a-time lock of this store. A lock held by a process that died is released
   * by the operating system, never left stuck.
   *
   * @throws StateLockedException when another live run holds the lock
   */
  RunLock lock();

  /** Everything known about the managed objects. */
  StoredState load();

  /**
   * Inserts or replaces the link of one object. The resource last pushed to the object (see {@link
   * #saveLink(Link, ObjectNode)}) is kept while the link points to the same target id, and
   * forgotten when it points to another one.
   */
  void saveLink(Link link);

  /**
   * Inserts or replaces the link of one object together with the resource the engine just created,
   * patched or adopted the target object with (the mapped resource whose content hash the link
   * carries). An incremental run diffs a changed object against it instead of reading the target.
   * The resource holds directory attributes only, never a secret.
   */
  void saveLink(Link link, ObjectNode pushedResource);

  /**
   * When the last full run finished successfully, null if never: the same as {@code
   * load().lastFullRun()}, which the default calls.
   */
  default @Nullable Instant lastFullRun() {
    return load().lastFullRun();
  }

  /**
   * What earlier runs learned of the target's capabilities (names and values, see {@code
   * ScimTarget#learned}), so that a run does not learn them again.
   */
  Map<String, String> targetCapabilities();

  /** Replaces what is remembered of the target's capabilities. Nothing in it is a secret. */
  void saveTargetCapabilities(Map<String, String> capabilities);

  /** Forgets an object (after it was deleted in the target, or is no longer managed). */
  void deleteLink(ObjectKind kind, String sourceKey);

  /** Records that these users were pushed as members of the group (source keys). */
  void addMemberships(String groupKey, Collection<String> userKeys);

  /** Records that these users were removed from the group (source keys). */
  void removeMemberships(String groupKey, Collection<String> userKeys);

  /** Starts a run in the history and returns its id. */
  long beginRun(RunStart start);

  /** Ends a run. */
  void finishRun(long runId, RunSummary summary);

  /** Journals a change before it is sent to the target; returns the journal id. */
  long journalBegin(long runId, JournalEntry entry);

  /** Journals the outcome of a change after the target answered (or did not). */
  void journalEnd(long journalId, ChangeOutcome outcome);

  /**
   * Changes that were journaled as begun but never ended, by any run (a process killed mid-way).
   * The next run uses them to repair: a create that may have happened is looked up, not repeated.
   */
  List<JournalRecord> unfinishedChanges();

  /** Marks unfinished changes as settled once the engine has repaired or discarded them. */
  void settle(Collection<Long> journalIds);

  /** Keeps what a run's report says beyond its journal (see {@link RunDetails}). */
  void saveRunDetails(long runId, RunDetails details);

  /** What a run's report said beyond its journal; empty for runs of versions that kept none. */
  Optional<RunDetails> runDetails(long runId);

  /** The most recent runs, newest first. */
  List<RunRecord> recentRuns(int limit);

  /** One run. */
  Optional<RunRecord> run(long runId);

  /** Every journaled change of one run, in the order they began. */
  List<JournalRecord> journal(long runId);

  @Override
  void close();
}
