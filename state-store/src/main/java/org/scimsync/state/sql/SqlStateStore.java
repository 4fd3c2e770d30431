package org.scimsync.state.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.MappingMemo;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunDetails;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.SourceCheckpoint;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.SteadyState;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.state.TargetNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store over one SQL connection ({@link SqlDatabase}): the same tables and statements on
 * SQLite and PostgreSQL, apart from the few a {@link Dialect} supplies. The adapters add how the
 * database is opened and the run lock.
 *
 * <p><b>Targets.</b> One database keeps the state of several targets, each under its name ({@link
 * TargetNames}): its links, memberships, runs, journal, run details, mapping memo, steady state,
 * capabilities, checkpoint and run lock. A store reads and writes the state of one target, {@link
 * #target()}; the store an adapter opens is that of {@link TargetNames#DEFAULT} (all a store
 * written before targets had names holds), and {@link #forTarget(String)} gives the state of
 * another target on the same connection. Run ids are unique across the targets of a database.
 *
 * <p><b>Threads.</b> One connection, guarded by a lock: the threads of a run take turns, each call
 * is one short transaction on cached prepared statements. There is no write-behind queue: a call
 * that returned is committed.
 *
 * <p><b>Deleting a link</b> also forgets the memberships recorded for that user or group: a deleted
 * object's memberships go with it in the target, and an unmanaged one's are no longer ours.
 *
 * <p><b>Last full run</b> in {@link #load()} is the finish time of the latest full run that was not
 * a dry run and ended {@code SUCCEEDED} or {@code PARTIAL}: a partial run did re-read the whole
 * target, and its failed changes are retried by the next run anyway; counting only complete
 * successes would make every run a full one while a single object is persistently refused.
 */
public abstract class SqlStateStore implements StateStore {

  private static final Logger LOG = LoggerFactory.getLogger(SqlStateStore.class);

  private final SqlDatabase db;
  private final Clock clock;
  private final String target;
  private final boolean ownsDatabase;

  /**
   * The store of target {@link TargetNames#DEFAULT}.
   *
   * @param db the migrated database, closed with the store
   * @param clock stamps journal entries
   */
  protected SqlStateStore(SqlDatabase db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.target = TargetNames.DEFAULT;
    this.ownsDatabase = true;
  }

  /**
   * The store of another target on the database of {@code store}, which closes the database: this
   * one's {@link #close()} does nothing.
   *
   * @param target a name checked by {@link TargetNames#check}
   */
  protected SqlStateStore(SqlStateStore store, String target) {
    this.db = store.db;
    this.clock = store.clock;
    this.target = TargetNames.check(target);
    this.ownsDatabase = false;
  }

  /** The name of the target whose state this store reads and writes. */
  public final String target() {
    return target;
  }

  /**
   * The state of target {@code name} in the same database, on this store's connection (one
   * connection, one lock, also for the runs of several targets at once). Its {@link #lock()} is
   * that target's own run lock; closing it does nothing (the store that opened the database closes
   * it).
   *
   * @throws org.scimsync.common.ConfigValueException naming {@code name} when it is not a valid
   *     target name (see {@link TargetNames})
   */
  public final SqlStateStore forTarget(String name) {
    return view(TargetNames.check(name));
  }

  /** The adapter's store of {@code target} on this store's database (see {@link #forTarget}). */
  protected abstract SqlStateStore view(String target);

  /**
   * The sorted names of the targets that have a run or a link in this database, whichever target
   * this store is of (the application warns about state of a target no longer configured).
   */
  public List<String> targetsWithState() {
    return db.read("list the targets with state", RunTable::targets);
  }

  /**
   * The target run {@code runId} belongs to, whichever it is (run ids are unique across targets);
   * empty when there is no such run.
   */
  public Optional<String> targetOfRun(long runId) {
    return db.read("find the target of run " + runId, d -> RunTable.targetOf(d, runId));
  }

  @Override
  public StoredState load() {
    return db.read(
        "load the state",
        d -> {
          LinkTable.Links links = LinkTable.links(d, target);
          return new StoredState(
              links.users(),
              links.groups(),
              LinkTable.memberships(d, target),
              RunTable.lastFullRun(d, target));
        });
  }

  @Override
  public void saveLink(Link link) {
    Objects.requireNonNull(link, "link");
    db.update(
        "save link kind=" + link.kind() + " sourceKey=" + link.sourceKey(),
        d -> LinkTable.save(d, target, link, null));
  }

  @Override
  public void saveLink(Link link, ObjectNode pushedResource) {
    Objects.requireNonNull(link, "link");
    String json = Columns.resource(Objects.requireNonNull(pushedResource, "pushedResource"));
    db.update(
        "save link kind=" + link.kind() + " sourceKey=" + link.sourceKey(),
        d -> LinkTable.save(d, target, link, json));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A recorded resource that is not a JSON object (a damaged row) is left out with a warning:
   * the engine reads that object from the target instead.
   */
  @Override
  public Map<String, ObjectNode> pushedResources(ObjectKind kind, Collection<String> sourceKeys) {
    Objects.requireNonNull(kind, "kind");
    List<String> keys = List.copyOf(sourceKeys);
    if (keys.isEmpty()) {
      return Map.of();
    }
    Map<String, String> texts =
        db.read(
            "read " + keys.size() + " pushed resources kind=" + kind,
            d -> LinkTable.pushedResources(d, target, kind, keys));
    Map<String, ObjectNode> resources = new HashMap<>();
    texts.forEach(
        (key, text) -> {
          ObjectNode resource = Columns.resource(text);
          if (resource == null) {
            LOG.warn("state.pushedResource.unreadable kind={} sourceKey={}", kind, key);
          } else {
            resources.put(key, resource);
          }
        });
    return Collections.unmodifiableMap(resources);
  }

  @Override
  public MappingMemo mappingMemo(String rulesFingerprint) {
    Objects.requireNonNull(rulesFingerprint, "rulesFingerprint");
    return db.read("read the mapping memo", d -> MemoTable.load(d, target, rulesFingerprint));
  }

  @Override
  public void updateMappingMemo(MappingMemo.Update update) {
    Objects.requireNonNull(update, "update");
    if (!update.isEmpty()) {
      db.update(
          "record the mappings of " + update.put().size() + " users",
          d -> MemoTable.update(d, target, update));
    }
  }

  @Override
  public Optional<SteadyState> steadyState() {
    return db.read("read the steady state", d -> SteadyStateTable.load(d, target));
  }

  @Override
  public void recordSteadyState(SteadyState steady) {
    Objects.requireNonNull(steady, "steady");
    db.update(
        "record the steady state of run " + steady.runId(),
        d -> SteadyStateTable.save(d, target, steady));
  }

  @Override
  public void forgetSteadyState() {
    db.update("forget the steady state", d -> SteadyStateTable.delete(d, target));
  }

  @Override
  public void saveRunDetails(long runId, RunDetails details) {
    Objects.requireNonNull(details, "details");
    db.update(
        "record the details of run " + runId, d -> RunDetailsTable.save(d, target, runId, details));
  }

  @Override
  public Optional<RunDetails> runDetails(long runId) {
    return db.read("read the details of run " + runId, d -> RunDetailsTable.load(d, target, runId));
  }

  @Override
  public Optional<SourceCheckpoint> sourceCheckpoint() {
    return db.read(
        "read the directory's change checkpoint", d -> SourceCheckpointTable.load(d, target));
  }

  @Override
  public void saveSourceCheckpoint(SourceCheckpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    db.update(
        "record the directory's change checkpoint",
        d -> SourceCheckpointTable.save(d, target, checkpoint));
  }

  @Override
  public Map<String, String> targetCapabilities() {
    return db.read("read the target's capabilities", d -> CapabilityTable.load(d, target));
  }

  @Override
  public void saveTargetCapabilities(Map<String, String> capabilities) {
    Map<String, String> copy = Map.copyOf(capabilities);
    db.update(
        "record the target's capabilities",
        d -> CapabilityTable.replace(d, target, new TreeMap<>(copy)));
  }

  @Override
  public @Nullable Instant lastFullRun() {
    return db.read("read the last full run", d -> RunTable.lastFullRun(d, target));
  }

  @Override
  public void deleteLink(ObjectKind kind, String sourceKey) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sourceKey, "sourceKey");
    db.update(
        "delete link kind=" + kind + " sourceKey=" + sourceKey,
        d -> LinkTable.delete(d, target, kind, sourceKey));
  }

  @Override
  public void addMemberships(String groupKey, Collection<String> userKeys) {
    List<String> keys = checkedKeys(groupKey, userKeys);
    if (!keys.isEmpty()) {
      db.update(
          "record memberships group=" + groupKey,
          d -> LinkTable.addMemberships(d, target, groupKey, keys));
    }
  }

  @Override
  public void removeMemberships(String groupKey, Collection<String> userKeys) {
    List<String> keys = checkedKeys(groupKey, userKeys);
    if (!keys.isEmpty()) {
      db.update(
          "forget memberships group=" + groupKey,
          d -> LinkTable.removeMemberships(d, target, groupKey, keys));
    }
  }

  private static List<String> checkedKeys(String groupKey, Collection<String> userKeys) {
    Objects.requireNonNull(groupKey, "groupKey");
    return List.copyOf(userKeys);
  }

  @Override
  public long beginRun(RunStart start) {
    Objects.requireNonNull(start, "start");
    return db.write("begin a run", d -> RunTable.begin(d, target, start));
  }

  @Override
  public void finishRun(long runId, RunSummary summary) {
    Objects.requireNonNull(summary, "summary");
    db.update("finish run " + runId, d -> RunTable.finish(d, target, runId, summary));
  }

  @Override
  public long journalBegin(long runId, JournalEntry entry) {
    Objects.requireNonNull(entry, "entry");
    return db.write(
        "journal " + entry.change() + " sourceKey=" + entry.sourceKey() + " run=" + runId,
        d -> JournalTable.begin(d, target, runId, entry, clock.instant()));
  }

  @Override
  public void journalEnd(long journalId, ChangeOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    db.update(
        "end journal entry " + journalId,
        d -> JournalTable.end(d, target, journalId, outcome, clock.instant()));
  }

  @Override
  public List<JournalRecord> unfinishedChanges() {
    return db.read("read unfinished changes", d -> JournalTable.unfinished(d, target));
  }

  @Override
  public void settle(Collection<Long> journalIds) {
    List<Long> ids = List.copyOf(journalIds);
    if (!ids.isEmpty()) {
      db.update(
          "settle " + ids.size() + " journal entries", d -> JournalTable.settle(d, target, ids));
    }
  }

  @Override
  public List<RunRecord> recentRuns(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    return db.read("read recent runs", d -> RunTable.recent(d, target, limit));
  }

  @Override
  public Optional<RunRecord> run(long runId) {
    return db.read("read run " + runId, d -> RunTable.one(d, target, runId));
  }

  @Override
  public List<JournalRecord> journal(long runId) {
    return db.read("read the journal of run " + runId, d -> JournalTable.ofRun(d, target, runId));
  }

  /** Closes the database, when this store opened it; the store of another target does nothing. */
  @Override
  public void close() {
    if (ownsDatabase) {
      db.close();
    }
  }

  /** The database, for the adapters' own reads (tests, pragmas). */
  protected final SqlDatabase database() {
    return db;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + db.location() + " target=" + target + "]";
  }
}
