package org.scimsync.sources.ldap.changes;

import java.util.Objects;
import org.scimsync.engine.source.DirectorySnapshot;

/**
 * A full read and the checkpoint to continue from: taken before the read started, so a change made
 * during the read is in the next change read (perhaps a second time, which is harmless: changes are
 * reported as the entries' current values).
 *
 * @param snapshot everything, exactly as {@link org.scimsync.sources.ldap.LdapDirectorySource}
 *     reads it
 * @param checkpoint the opaque checkpoint for {@link LdapChangeReader#readChanges}; empty when the
 *     server cannot be tracked (then {@code readChanges} answers {@link
 *     FullReadNeeded.Reason#NO_CHECKPOINT})
 */
public record CheckpointedSnapshot(DirectorySnapshot snapshot, String checkpoint) {

  public CheckpointedSnapshot {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(checkpoint, "checkpoint");
  }
}
