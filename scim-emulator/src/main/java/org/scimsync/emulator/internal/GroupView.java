package org.scimsync.emulator.internal;

import java.util.List;

/**
 * A group with a copy of its member ids (empty when the caller did not ask for members).
 *
 * @param group the stored group
 * @param members the member user ids, in the order they were added
 */
public record GroupView(StoredGroup group, List<String> members) {
  /** Copies the members. */
  public GroupView {
    members = List.copyOf(members);
  }
}
