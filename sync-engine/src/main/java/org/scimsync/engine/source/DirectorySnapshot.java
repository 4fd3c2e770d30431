package org.scimsync.engine.source;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A complete read of the directory.
 *
 * @param source what was read, from {@link DirectorySource#describe()}
 * @param readAt when the read finished
 * @param users every user with a key, in source order
 * @param groups every group with a key, in source order
 * @param warnings entries skipped or altered while reading (e.g. a user without its key attribute),
 *     each naming the entry
 * @param version the version of the content read (see {@link DirectorySource#version()}); null when
 *     the source has none
 */
public record DirectorySnapshot(
    String source,
    Instant readAt,
    List<SourceUser> users,
    List<SourceGroup> groups,
    List<String> warnings,
    @Nullable String version) {

  public DirectorySnapshot {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    warnings = List.copyOf(warnings);
  }

  /** A snapshot without a version. */
  public DirectorySnapshot(
      String source,
      Instant readAt,
      List<SourceUser> users,
      List<SourceGroup> groups,
      List<String> warnings) {
    this(source, readAt, users, groups, warnings, null);
  }

  /** This snapshot, read from the content of this version. */
  public DirectorySnapshot withVersion(String contentVersion) {
    return new DirectorySnapshot(
        source, readAt, users, groups, warnings, Objects.requireNonNull(contentVersion));
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
