package org.scimsync.engine;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.plan.ResourceMapper;
import org.scimsync.engine.source.ChangeTracking;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SourceChanges;
import org.scimsync.engine.state.StoredState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a run reads the directory: everything ({@link DirectoryRead}, on a thread of its own while
 * the state loads; from a directory that keeps track of its changes, with the checkpoint taken
 * before the read), or — in an incremental run with a checkpoint recorded under the same inputs —
 * only what changed since ({@link DeltaRead}), once the state is loaded. Close it on every path.
 */
final class DirectoryReading implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryReading.class);

  private final DirectorySource source;
  private final ResourceMapper mapper;
  private final Set<String> onlyUserKeys;
  private final @Nullable ChangeTracking tracking;
  private final @Nullable String checkpoint;
  private final @Nullable SourceChanges first;
  private final AtomicReference<@Nullable String> next = new AtomicReference<>();
  private @Nullable DirectoryRead read;
  private Set<String> focus;
  private int directoryUsers = -1;
  private boolean unchanged;

  private DirectoryReading(
      DirectorySource source,
      ResourceMapper mapper,
      Set<String> onlyUserKeys,
      @Nullable ChangeTracking tracking,
      @Nullable String checkpoint,
      @Nullable SourceChanges first) {
    this.source = source;
    this.mapper = mapper;
    this.onlyUserKeys = onlyUserKeys;
    this.tracking = tracking;
    this.checkpoint = checkpoint;
    this.first = first;
    this.focus = onlyUserKeys;
  }

  /**
   * Starts the read: at once when everything is to be read; a change read waits for {@link
   * #readChanges}, which needs the state.
   *
   * @param checkpoint where the change read continues; null to read everything
   * @param first the changes since {@code checkpoint}, when the caller read them already
   */
  static DirectoryReading start(
      DirectorySource source,
      ResourceMapper mapper,
      Set<String> onlyUserKeys,
      @Nullable ChangeTracking tracking,
      @Nullable String checkpoint,
      @Nullable SourceChanges first) {
    DirectoryReading reading =
        new DirectoryReading(source, mapper, onlyUserKeys, tracking, checkpoint, first);
    if (checkpoint == null) {
      reading.readEverything();
    }
    return reading;
  }

  /**
   * Reads what changed since the checkpoint, unless everything is being read already; falls back to
   * reading everything when only that can tell (or when {@code full}).
   *
   * @throws SyncException when the source cannot be read
   */
  void readChanges(StoredState stored, boolean full, Clock clock) {
    if (read != null) {
      return;
    }
    ChangeTracking changes = tracking;
    String since = checkpoint;
    if (full || changes == null || since == null) {
      readEverything();
      return;
    }
    SourceChanges found =
        first != null ? first : DeltaRead.readChanges(changes, since, source.describe());
    DeltaRead.Outcome outcome =
        DeltaRead.of(found, changes, stored, source.describe(), clock.instant());
    if (outcome instanceof DeltaRead.FullRead fullRead) {
      LOG.info("the directory is read whole: {}", fullRead.reason());
      readEverything();
    } else if (outcome instanceof DeltaRead.Unchanged same) {
      next.set(same.checkpoint());
      unchanged = true;
    } else {
      DeltaRead.Delta delta = (DeltaRead.Delta) outcome;
      next.set(delta.checkpoint());
      focus = delta.focus();
      directoryUsers = delta.directoryUsers();
      LOG.info(
          "directory changes read users={} groups={} focus={}",
          delta.snapshot().userCount(),
          delta.snapshot().groupCount(),
          focus.size());
      read = DirectoryRead.start(source.describe(), delta::snapshot, mapper, focus);
    }
  }

  private void readEverything() {
    ChangeTracking changes = tracking;
    read =
        changes == null
            ? DirectoryRead.start(source, mapper, onlyUserKeys)
            : DirectoryRead.start(
                source.describe(),
                () -> {
                  ChangeTracking.Checkpointed all = changes.readAll();
                  next.set(all.checkpoint());
                  return all.snapshot();
                },
                mapper,
                onlyUserKeys);
  }

  /** Whether the change read found nothing: the run has nothing to read, map or plan. */
  boolean unchanged() {
    return unchanged;
  }

  /** The read under way (after {@link #readChanges}, or from the start). */
  DirectoryRead read() {
    DirectoryRead current = read;
    if (current == null) {
      throw new IllegalStateException("the directory's changes have not been read yet");
    }
    return current;
  }

  /** The users the run considers: empty for all. */
  Set<String> focus() {
    return focus;
  }

  /** Whether only changes were read: the run plans for its focus only. */
  boolean isDelta() {
    return directoryUsers >= 0;
  }

  /** How many users the directory holds, for the safety guard of a change read; else -1. */
  int directoryUsers() {
    return directoryUsers;
  }

  /** Where the next change read continues once this run applied everything; null if none. */
  @Nullable String nextCheckpoint() {
    return next.get();
  }

  @Override
  public void close() {
    if (read != null) {
      read.close();
    }
  }
}
