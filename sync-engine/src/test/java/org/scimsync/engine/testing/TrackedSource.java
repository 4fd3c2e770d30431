package org.scimsync.engine.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.scimsync.engine.source.ChangeTracking;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SourceChanges;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;

/**
 * A {@link ListDirectorySource} that keeps track of its changes, as an LDAP server with the content
 * synchronization protocol: each checkpoint names the content it was taken at, and a change read
 * reports the entries that differ since (by value), and the keys that are gone. Counts what it
 * reads.
 */
public final class TrackedSource implements DirectorySource, ChangeTracking {

  private final ListDirectorySource directory;
  private final Map<String, DirectorySnapshot> checkpoints = new HashMap<>();
  private int serial;
  private int fullReads;
  private int changeReads;
  private long entriesRead;
  private boolean forgetCheckpoints;

  public TrackedSource(ListDirectorySource directory) {
    this.directory = directory;
  }

  /** Makes every known checkpoint unknown, as after a server's cookie expired. */
  public synchronized void expireCheckpoints() {
    checkpoints.clear();
  }

  /** Makes change reads answer that a full read is needed from now on. */
  public synchronized void forgetCheckpoints(boolean value) {
    forgetCheckpoints = value;
  }

  /** Full reads so far. */
  public synchronized int fullReads() {
    return fullReads;
  }

  /** Change reads so far. */
  public synchronized int changeReads() {
    return changeReads;
  }

  /** Entries handed out so far, by full reads, change reads and user reads. */
  public synchronized long entriesRead() {
    return entriesRead;
  }

  @Override
  public synchronized DirectorySnapshot read() {
    DirectorySnapshot snapshot = directory.read();
    fullReads++;
    entriesRead += snapshot.userCount() + snapshot.groupCount();
    return snapshot;
  }

  @Override
  public synchronized Checkpointed readAll() {
    DirectorySnapshot snapshot = read();
    return new Checkpointed(snapshot, remember(snapshot));
  }

  @Override
  public synchronized SourceChanges readChanges(String checkpoint) {
    DirectorySnapshot before = checkpoints.get(checkpoint);
    if (before == null || forgetCheckpoints) {
      return new SourceChanges.FullReadNeeded("unknown checkpoint " + checkpoint);
    }
    changeReads++;
    DirectorySnapshot now = directory.read();
    List<SourceUser> users = changed(before.users(), now.users(), SourceUser::key);
    List<SourceGroup> groups = changed(before.groups(), now.groups(), SourceGroup::key);
    Set<String> deleted = new HashSet<>();
    before.users().forEach(u -> deleted.add(u.key()));
    before.groups().forEach(g -> deleted.add(g.key()));
    now.users().forEach(u -> deleted.remove(u.key()));
    now.groups().forEach(g -> deleted.remove(g.key()));
    entriesRead += users.size() + groups.size() + deleted.size();
    return new SourceChanges.Changed(
        users, groups, deleted, true, List.of(), remember(now), users.size() + groups.size());
  }

  @Override
  public synchronized List<SourceUser> readUsers(Collection<String> keys) {
    Set<String> wanted = new HashSet<>(keys);
    List<SourceUser> found =
        directory.read().users().stream().filter(u -> wanted.contains(u.key())).toList();
    entriesRead += found.size();
    return found;
  }

  @Override
  public Optional<ChangeTracking> changeTracking() {
    return Optional.of(this);
  }

  @Override
  public String describe() {
    return directory.describe();
  }

  private String remember(DirectorySnapshot snapshot) {
    String checkpoint = "cp-" + ++serial;
    checkpoints.put(checkpoint, snapshot);
    return checkpoint;
  }

  private static <T> List<T> changed(List<T> before, List<T> now, Function<T, String> key) {
    Map<String, T> old = new HashMap<>();
    before.forEach(e -> old.put(key.apply(e), e));
    List<T> changed = new ArrayList<>();
    for (T entry : now) {
      if (!entry.equals(old.get(key.apply(entry)))) {
        changed.add(entry);
      }
    }
    return changed;
  }
}
