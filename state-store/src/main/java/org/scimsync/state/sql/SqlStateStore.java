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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store over one SQL connection ({@link SqlDatabase}): the same tables and statements on
 * SQLite and PostgreSQL, apart from the few a {@link Dialect} supplies. The adapters add how the
 * database is opened and the run lock.
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

  /**
   * @param db the migrated database, closed with the store
   * @param clock stamps journal entries
   */
  protected SqlStateStore(SqlDatabase db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public StoredState load() {
    return db.read(
        "load the state",
        d -> {
          LinkTable.Links links = LinkTable.links(d);
          return new StoredState(
              links.users(), links.groups(), LinkTable.memberships(d), RunTable.lastFullRun(d));
        });
  }

  @Override
  public void saveLink(Link link) {
    Objects.requireNonNull(link, "link");
    db.update(
        "save link kind=" + link.kind() + " sourceKey=" + link.sourceKey(),
        d -> LinkTable.save(d, link, null));
  }

  @Override
  public void saveLink(Link link, ObjectNode pushedResource) {
    Objects.requireNonNull(link, "link");
    String json = Columns.resource(Objects.requireNonNull(pushedResource, "pushedResource"));
    db.update(
        "save link kind=" + link.kind() + " sourceKey=" + link.sourceKey(),
        d -> LinkTable.save(d, link, json));
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
            d -> LinkTable.pushedResources(d, kind, keys));
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
    return db.read("read the mapping memo", d -> MemoTable.load(d, rulesFingerprint));
  }

  @Override
  public void updateMappingMemo(MappingMemo.Update update) {
    Objects.requireNonNull(update, "update");
    if (!update.isEmpty()) {
      db.update(
          "record the mappings of " + update.put().size() + " users",
          d -> MemoTable.update(d, update));
    }
  }

  @Override
  public Optional<SteadyState> steadyState() {
    return db.read("read the steady state", SteadyStateTable::load);
  }

  @Override
  public void recordSteadyState(SteadyState steady) {
    Objects.requireNonNull(steady, "steady");
    db.update(
        "record the steady state of run " + steady.runId(), d -> SteadyStateTable.save(d, steady));
  }

  @Override
  public void forgetSteadyState() {
    db.update("forget the steady state", SteadyStateTable::delete);
  }

  @Override
  public void saveRunDetails(long runId, RunDetails details) {
    Objects.requireNonNull(details, "details");
    db.update("record the details of run " + runId, d -> RunDetailsTable.save(d, runId, details));
  }

  @Override
  public Optional<RunDetails> runDetails(long runId) {
    return db.read("read the details of run " + runId, d -> RunDetailsTable.load(d, runId));
  }

  @Override
  public Optional<SourceCheckpoint> sourceCheckpoint() {
    return db.read("read the directory's change checkpoint", SourceCheckpointTable::load);
  }

  @Override
  public void saveSourceCheckpoint(SourceCheckpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    db.update(
        "record the directory's change checkpoint", d -> SourceCheckpointTable.save(d, checkpoint));
  }

  @Override
  public Map<String, String> targetCapabilities() {
    return db.read("read the target's capabilities", CapabilityTable::load);
  }

  @Override
  public void saveTargetCapabilities(Map<String, String> capabilities) {
    Map<String, String> copy = Map.copyOf(capabilities);
    db.update(
        "record the target's capabilities", d -> CapabilityTable.replace(d, new TreeMap<>(copy)));
  }

  @Override
  public @Nullable Instant lastFullRun() {
    return db.read("read the last full run", RunTable::lastFullRun);
  }

  @Override
  public void deleteLink(ObjectKind kind, String sourceKey) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sourceKey, "sourceKey");
    db.update(
        "delete link kind=" + kind + " sourceKey=" + sourceKey,
        d -> LinkTable.delete(d, kind, sourceKey));
  }

  @Override
  public void addMemberships(String groupKey, Collection<String> userKeys) {
    List<String> keys = checkedKeys(groupKey, userKeys);
    if (!keys.isEmpty()) {
      db.update(
          "record memberships group=" + groupKey, d -> LinkTable.addMemberships(d, groupKey, keys));
    }
  }

  @Override
  public void removeMemberships(String groupKey, Collection<String> userKeys) {
    List<String> keys = checkedKeys(groupKey, userKeys);
    if (!keys.isEmpty()) {
      db.update(
          "forget memberships group=" + groupKey,
          d -> LinkTable.removeMemberships(d, groupKey, keys));
    }
  }

  private static List<String> checkedKeys(String groupKey, Collection<String> userKeys) {
    Objects.requireNonNull(groupKey, "groupKey");
    return List.copyOf(userKeys);
  }

  @Override
  public long beginRun(RunStart start) {
    Objects.requireNonNull(start, "start");
    return db.write("begin a run", d -> RunTable.begin(d, start));
  }

  @Override
  public void finishRun(long runId, RunSummary summary) {
    Objects.requireNonNull(summary, "summary");
    db.update("finish run " + runId, d -> RunTable.finish(d, runId, summary));
  }

  @Override
  public long journalBegin(long runId, JournalEntry entry) {
    Objects.requireNonNull(entry, "entry");
    return db.write(
        "journal " + entry.change() + " sourceKey=" + entry.sourceKey() + " run=" + runId,
        d -> JournalTable.begin(d, runId, entry, clock.instant()));
  }

  @Override
  public void journalEnd(long journalId, ChangeOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    db.update(
        "end journal entry " + journalId,
        d -> JournalTable.end(d, journalId, outcome, clock.instant()));
  }

  @Override
  public List<JournalRecord> unfinishedChanges() {
    return db.read("read unfinished changes", JournalTable::unfinished);
  }

  @Override
  public void settle(Collection<Long> journalIds) {
    List<Long> ids = List.copyOf(journalIds);
    if (!ids.isEmpty()) {
      db.update("settle " + ids.size() + " journal entries", d -> JournalTable.settle(d, ids));
    }
  }

  @Override
  public List<RunRecord> recentRuns(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    return db.read("read recent runs", d -> RunTable.recent(d, limit));
  }

  @Override
  public Optional<RunRecord> run(long runId) {
    return db.read("read run " + runId, d -> RunTable.one(d, runId));
  }

  @Override
  public List<JournalRecord> journal(long runId) {
    return db.read("read the journal of run " + runId, d -> JournalTable.ofRun(d, runId));
  }

  @Override
  public void close() {
    db.close();
  }

  /** The target whose state this store reads and writes. */
  public final String target() {
    return org.scimsync.engine.state.TargetNames.DEFAULT;
  }

  /** The state of target {@code name} in the same database (placeholder: only the default). */
  public StateStore forTarget(String name) {
    if (!name.equals(target())) {
      throw new UnsupportedOperationException("not yet: state of target " + name);
    }
    return this;
  }

  /** The targets with state in this store. */
  public List<String> targetsWithState() {
    return List.of(target());
  }

  /** The database, for the adapters' own reads (tests, pragmas). */
  protected final SqlDatabase database() {
    return db;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + db.location() + "]";
  }
}
