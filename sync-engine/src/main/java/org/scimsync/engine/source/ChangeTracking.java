package org.scimsync.engine.source;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What a directory that keeps track of its changes offers beside a full read (an LDAP server with
 * the content synchronization protocol, Active Directory's {@code uSNChanged}): a full read with a
 * checkpoint to continue from, the changes since a checkpoint, and a read of some users. The engine
 * keeps the checkpoint in its state store and, in an incremental run, reads and maps only what
 * changed.
 */
public interface ChangeTracking {

  /**
   * Reads everything, and the checkpoint taken before the read started (a change made during the
   * read comes again in the next change read).
   *
   * @throws SourceException when the source cannot be read completely
   */
  Checkpointed readAll();

  /**
   * What changed since {@code checkpoint}, or that only a full read can tell (an unknown or expired
   * checkpoint, another server, a change the mechanism cannot describe).
   *
   * @throws SourceException when the source cannot be read
   */
  SourceChanges readChanges(String checkpoint);

  /**
   * The current entries of these users, as a full read gives them; keys not found are left out.
   *
   * @throws SourceException when the source cannot be read
   */
  List<SourceUser> readUsers(Collection<String> keys);

  /**
   * A full read and its checkpoint.
   *
   * @param snapshot everything, as {@link DirectorySource#read()} gives it
   * @param checkpoint opaque; where the next change read continues
   */
  record Checkpointed(DirectorySnapshot snapshot, String checkpoint) {

    public Checkpointed {
      Objects.requireNonNull(snapshot, "snapshot");
      Objects.requireNonNull(checkpoint, "checkpoint");
    }
  }
}
