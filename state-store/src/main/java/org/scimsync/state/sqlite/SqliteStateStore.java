package org.scimsync.state.sqlite;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.state.sql.SqlDatabase;
import org.scimsync.state.sql.SqlStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store in one SQLite file, migrated by Flyway ({@code db/migration/sqlite}).
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
 * <p><b>Targets.</b> {@link #open(Path)} gives the state of target {@code default}; {@link
 * #forTarget(String)} that of another target in the same file, on the same connection: the runs of
 * several targets in one process share one connection and take turns on it, rather than waiting for
 * each other's SQLite write lock.
 *
 * <p><b>Lock.</b> {@link #lock()} takes an operating-system lock on {@code <file>.lock} (target
 * {@code default}) or {@code <file>.<target>.lock}, released by the operating system when the
 * process dies (see {@link FileRunLock}).
 *
 * <p><b>Last full run</b> in {@link #load()} is the finish time of the latest full run that was not
 * a dry run and ended {@code SUCCEEDED} or {@code PARTIAL}: a partial run did re-read the whole
 * target, and its failed changes are retried by the next run anyway; counting only complete
 * successes would make every run a full one while a single object is persistently refused.
 */
public final class SqliteStateStore extends SqlStateStore {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteStateStore.class);

  private final @Nullable Path file;

  /** The targets whose lock a run holds, for an in-memory store (shared by its targets' stores). */
  private final Set<String> inMemoryLocksHeld;

  private SqliteStateStore(SqlDatabase db, @Nullable Path file, Clock clock) {
    super(db, clock);
    this.file = file;
    this.inMemoryLocksHeld = ConcurrentHashMap.newKeySet();
  }

  private SqliteStateStore(SqliteStateStore store, String target) {
    super(store, target);
    this.file = store.file;
    this.inMemoryLocksHeld = store.inMemoryLocksHeld;
  }

  @Override
  protected SqliteStateStore view(String target) {
    return new SqliteStateStore(this, target);
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
    SqlDatabase db = SqliteConnector.openMigrated(real.toString());
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
      return FileRunLock.acquire(file, target());
    }
    if (!inMemoryLocksHeld.add(target())) {
      throw new StateLockedException(
          "in-memory state store" + FileRunLock.described(target()) + " is in use by another run");
    }
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        inMemoryLocksHeld.remove(target());
      }
    };
  }

  /** A pragma's value on the store's own connection (tests check the settings took effect). */
  String pragma(String name) {
    if (!name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a pragma name: " + name);
    }
    return database()
        .read(
            "read pragma " + name,
            d -> {
              try (ResultSet value = d.prepare("PRAGMA " + name).executeQuery()) {
                return value.next() ? value.getString(1) : "";
              }
            });
  }
}
