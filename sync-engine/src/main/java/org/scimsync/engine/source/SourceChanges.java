package org.scimsync.engine.source;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What {@link ChangeTracking#readChanges} found. */
public sealed interface SourceChanges {

  /**
   * The changes since the checkpoint, as the entries' current values.
   *
   * @param users users added or changed, each with its current groups
   * @param groups groups added or changed, each with all its current members
   * @param deletedKeys keys of users and groups deleted since (a key never seen is ignored)
   * @param deletionsKnown false when the mechanism cannot see deletions: only a full read finds
   *     them
   * @param warnings entries skipped or altered while reading
   * @param checkpoint where the next change read continues, once these changes are applied
   * @param entriesRead how many entries the server sent for this read
   */
  record Changed(
      List<SourceUser> users,
      List<SourceGroup> groups,
      Set<String> deletedKeys,
      boolean deletionsKnown,
      List<String> warnings,
      String checkpoint,
      long entriesRead)
      implements SourceChanges {

    public Changed {
      users = List.copyOf(users);
      groups = List.copyOf(groups);
      deletedKeys = Set.copyOf(deletedKeys);
      warnings = List.copyOf(warnings);
      Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
      return users.isEmpty() && groups.isEmpty() && deletedKeys.isEmpty();
    }
  }

  /**
   * Only a full read can tell what the directory holds now.
   *
   * @param reason why, for the log and the report
   */
  record FullReadNeeded(String reason) implements SourceChanges {

    public FullReadNeeded {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
