package org.scimsync.state.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.ResultSet;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.MappingMemo;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.engine.state.SteadyState;
import org.scimsync.engine.state.StoredState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store in one SQLite file, migrated by Flyway ({@code classpath:db/migration}).
 *
 * <p><b>File.</b> {@link #open(Path)} creates missing parent directories (owner-only) and the file
 * itself with permissions {@code rw-------} before SQLite opens it; SQLite gives its WAL and
 * shared-memory files the same permissions. An existing file, WAL or lock file readable by group or
 * others is tightened to owner-only with a warning; if that is impossible, opening fails.
 *
 * <p><b>Durability.</b> The database runs in WAL mode with {@code synchronous=NORMAL}: every call
 * returns after its own transaction committed, so whatever a call recorded (a {@link #journalBegin
 * journal entry} before its request is sent, a link after a create) survives the process being
 * killed at any point, {@code kill -9} included. A power loss or kernel crash may lose the last
 * transactions before the WAL was synced (never corrupting the file); the engine tolerates that
 * because reconcile is level-based: a lost link is found again by {@code externalId}, a lost
 * membership record is re-added. {@code synchronous=FULL} would add an fsync to every call:
 * measured on a virtual disk, about 150 commits per second instead of thousands, which would make
 * the store rather than the target's rate limit the bottleneck of a large initial sync.
 *
 * <p><b>Threads.</b> One connection, guarded by a lock: the threads of a run take turns, each call
 * is one short transaction on cached prepared statements. There is no write-behind queue: a call
 * that returned is on disk, which is simple to reason about and fast enough (see {@code
 * StateStoreThroughput} among the tests). Writes take SQLite's write lock at once ({@code BEGIN
 * IMMEDIATE}); another process waits up to the busy timeout (5 s) for it.
 *
 * <p><b>Deleting a link</b> also forgets the memberships recorded for that user or group: a deleted
 * object's memberships go with it in the target, and an unmanaged one's are no longer ours.
 *
 * <p><b>Lock.</b> {@link #lock()} takes an operating-system lock on {@code <file>.lock}, released
 * by the operating system when the process dies.
 *
 * <p><b>Last full run</b> in {@link #load()} is the finish time of the latest full run that was not
 * a dry run and ended {@code SUCCEEDED} or {@code PARTIAL}: a partial run did re-read the whole
 * target, and its failed changes are retried by the next run anyway; counting only complete
 * successes would make every run a full one while a single object is persistently refused.
 */
public final class SqliteStateStore implements StateStore {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteStateStore.class);

  private final SqliteDatabase db;
  private final @Nullable Path file;
  private final Clock clock;
  private final AtomicBoolean inMemoryLockHeld = new AtomicBoolean();

  private SqliteStateStore(SqliteDatabase db, @Nullable Path file, Clock clock) {
    this.db = db;
    this.file = file;
    this.clock = clock;
  }

  /**
   * Opens the state file, creating it (owner-only) and migrating its schema as needed.
   *
   * @throws StateStoreException naming the file when it cannot be created, is not a SQLite
   *     database, is damaged, or was written by a newer version
   */
  public static SqliteStateStore open(Path file) {
    return open(file, Clock.systemUTC());
  }

  /** As {@link #open(Path)}, with the clock that stamps journal entries. */
  static SqliteStateStore open(Path file, Clock clock) {
    Path real = SqliteConnector.prepareFile(file);
    SqliteDatabase db = SqliteConnector.openMigrated(real.toString());
    LOG.debug("state.opened file={}", real);
    return new SqliteStateStore(db, real, clock);
  }

  /**
   * A store that lives in memory only, for dry runs and tests: one connection, gone when closed.
   * Its lock only excludes other runs on the same instance.
   */
  public static SqliteStateStore openInMemory() {
    return openInMemory(Clock.systemUTC());
  }

  /** As {@link #openInMemory()}, with the clock that stamps journal entries. */
  static SqliteStateStore openInMemory(Clock clock) {
    return new SqliteStateStore(
        SqliteConnector.openMigrated(SqliteConnector.IN_MEMORY), null, clock);
  }

  /** The state file, or empty for an in-memory store. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  @Override
  public RunLock lock() {
    if (file != null) {
      return FileRunLock.acquire(file);
    }
    if (!inMemoryLockHeld.compareAndSet(false, true)) {
      throw new StateLockedException("in-memory state store is in use by another run");
    }
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        inMemoryLockHeld.set(false);
      }
    };
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

  /** A pragma's value on the store's own connection (tests check the settings took effect). */
  String pragma(String name) {
    if (!name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a pragma name: " + name);
    }
    return db.read(
        "read pragma " + name,
        d -> {
          try (ResultSet value = d.prepare("PRAGMA " + name).executeQuery()) {
            return value.next() ? value.getString(1) : "";
          }
        });
  }

  @Override
  public String toString() {
    return "SqliteStateStore[" + db.location() + "]";
  }
}
