package org.scimsync.engine.source;

import java.time.Instant;
import java.util.List;

/**
 * A complete read of the directory.
 *
 * @param source what was read, from {@link DirectorySource#describe()}
 * @param readAt when the read finished
 * @param users every user with a key, in source order
 * @param groups every group with a key, in source order
 * @param warnings entries skipped or altered while reading (e.g. a user without its key attribute),
 *     each naming the entry
 */
public record DirectorySnapshot(
    String source,
    Instant readAt,
    List<SourceUser> users,
    List<SourceGroup> groups,
    List<String> warnings) {

  public DirectorySnapshot {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    warnings = List.copyOf(warnings);
  }

  /** Number of users read. */
  public int userCount() {
    return users.size();
  }

  /** Number of groups read. */
  public int groupCount() {
    return groups.size();
  }

  /** Number of (group, member user) pairs. */
  public long membershipCount() {
    return groups.stream().mapToLong(g -> g.memberKeys().size()).sum();
  }
}
