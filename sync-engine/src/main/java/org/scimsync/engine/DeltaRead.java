package org.scimsync.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.source.ChangeTracking;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceChanges;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.engine.state.StoredState;

/**
 * The read stage of an incremental run whose directory keeps track of its changes: the entries
 * changed since the checkpoint, the users whose memberships those changes move (read again, so that
 * their {@code groups} are current), and the deletions. The run then maps and plans for those users
 * only ({@code onlyUserKeys}), and for the changed groups; everything else is as the last run left
 * it. When that is not enough — a group was deleted, or so many memberships moved that a full read
 * is cheaper — the run reads everything.
 */
final class DeltaRead {

  /** Users re-read for moved memberships, at most: beyond, a full read is the cheaper one. */
  static final int MAX_REREAD = 1_000;

  /** Share of the managed users re-read for moved memberships, at most, in percent. */
  static final int MAX_REREAD_PERCENT = 5;

  private DeltaRead() {}

  /** What the change read leaves the run to do. */
  sealed interface Outcome {}

  /**
   * Only these entries changed.
   *
   * @param snapshot the changed users and groups, and the users whose memberships moved
   * @param focus the users the run considers: those in the snapshot and those deleted
   * @param directoryUsers how many users the directory now holds, as far as the state tells
   * @param checkpoint where the next change read continues, once this run applied everything
   */
  record Delta(DirectorySnapshot snapshot, Set<String> focus, int directoryUsers, String checkpoint)
      implements Outcome {}

  /** Nothing changed since the checkpoint. */
  record Unchanged(String checkpoint) implements Outcome {}

  /** Only a full read can tell. */
  record FullRead(String reason) implements Outcome {}

  /**
   * Asks the source what changed since {@code checkpoint}.
   *
   * @throws SyncException when the source cannot be read
   */
  static SourceChanges readChanges(ChangeTracking tracking, String checkpoint, String source) {
    try {
      return tracking.readChanges(checkpoint);
    } catch (SourceException e) {
      ErrorKind kind =
          e.kind() == SourceException.Kind.INVALID_INPUT
              ? ErrorKind.INVALID_INPUT
              : ErrorKind.UNAVAILABLE;
      throw new SyncException(
          kind, "cannot read the changes of " + source + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code read} says nothing changed. */
  static boolean nothingChanged(SourceChanges read) {
    return read instanceof SourceChanges.Changed changes && changes.isEmpty();
  }

  /**
   * What the run does with the changes {@code read} found.
   *
   * @throws SyncException when the users whose memberships moved cannot be read
   */
  static Outcome of(
      SourceChanges read, ChangeTracking tracking, StoredState stored, String source, Instant now) {
    if (read instanceof SourceChanges.FullReadNeeded needed) {
      return new FullRead(needed.reason());
    }
    SourceChanges.Changed changes = (SourceChanges.Changed) read;
    if (changes.isEmpty()) {
      return new Unchanged(changes.checkpoint());
    }
    for (String key : changes.deletedKeys()) {
      if (stored.groups().containsKey(key)) {
        return new FullRead("group " + key + " was deleted from the directory");
      }
    }
    Set<String> deletedUsers = new HashSet<>();
    for (String key : changes.deletedKeys()) {
      if (stored.users().containsKey(key)) {
        deletedUsers.add(key);
      }
    }
    Set<String> changedUsers = new HashSet<>();
    changes.users().forEach(u -> changedUsers.add(u.key()));
    Set<String> moved = new LinkedHashSet<>();
    for (SourceGroup group : changes.groups()) {
      Set<String> before = stored.memberships().getOrDefault(group.key(), Set.of());
      Set<String> current = new HashSet<>(group.memberKeys());
      for (String key : group.memberKeys()) {
        if (!before.contains(key)) {
          moved.add(key);
        }
      }
      for (String key : before) {
        if (!current.contains(key)) {
          moved.add(key);
        }
      }
    }
    moved.removeAll(changedUsers);
    moved.removeAll(deletedUsers);
    int limit = Math.min(MAX_REREAD, stored.users().size() * MAX_REREAD_PERCENT / 100);
    if (moved.size() > Math.max(limit, 10)) {
      return new FullRead(moved.size() + " users joined or left a changed group");
    }
    List<SourceUser> users = new ArrayList<>(changes.users());
    if (!moved.isEmpty()) {
      try {
        users.addAll(tracking.readUsers(moved));
      } catch (SourceException e) {
        throw new SyncException(
            ErrorKind.UNAVAILABLE,
            "cannot read the users whose groups changed in " + source + ": " + e.getMessage(),
            e);
      }
    }
    Set<String> focus = new HashSet<>(deletedUsers);
    int added = 0;
    for (SourceUser user : users) {
      focus.add(user.key());
      if (!stored.users().containsKey(user.key())) {
        added++;
      }
    }
    int directoryUsers = Math.max(0, stored.users().size() + added - deletedUsers.size());
    DirectorySnapshot snapshot =
        new DirectorySnapshot(source, now, users, changes.groups(), changes.warnings());
    return new Delta(snapshot, focus, directoryUsers, changes.checkpoint());
  }
}
