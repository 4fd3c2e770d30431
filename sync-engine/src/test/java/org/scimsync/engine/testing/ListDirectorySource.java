package org.scimsync.engine.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;

/**
 * A directory held in lists that a test edits between runs: users with {@code mail}, {@code
 * givenName}, {@code sn}, {@code title}; groups with a name and member keys.
 */
public final class ListDirectorySource implements DirectorySource {

  private final Map<String, SourceUser> users = new LinkedHashMap<>();
  private final Map<String, SourceGroup> groups = new LinkedHashMap<>();
  private boolean failing;
  private boolean versioned;
  private int edits;
  private int reads;

  /** Adds or replaces a user. */
  public synchronized ListDirectorySource user(String key, String mail, String given, String sn) {
    edits++;
    return user(key, Map.of("mail", mail, "givenName", given, "sn", sn));
  }

  /** Adds or replaces a user with these single-valued attributes. */
  public synchronized ListDirectorySource user(String key, Map<String, String> attributes) {
    edits++;
    Map<String, List<Object>> values = new LinkedHashMap<>();
    attributes.forEach((name, value) -> values.put(name, List.of(value)));
    users.put(key, new SourceUser(key, "uid=" + key, values, List.of()));
    return this;
  }

  /** Adds or replaces a group. */
  public synchronized ListDirectorySource group(String key, String name, List<String> memberKeys) {
    edits++;
    groups.put(
        key,
        new SourceGroup(
            key, name, "cn=" + name, Map.of("cn", List.of(name)), memberKeys, List.of()));
    return this;
  }

  /** Removes a user (and from the groups' member lists). */
  public synchronized ListDirectorySource removeUser(String key) {
    edits++;
    users.remove(key);
    groups.replaceAll(
        (k, g) ->
            new SourceGroup(
                g.key(),
                g.name(),
                g.dn(),
                g.attributes(),
                g.memberKeys().stream().filter(m -> !m.equals(key)).toList(),
                g.groups()));
    return this;
  }

  /** Removes a group. */
  public synchronized ListDirectorySource removeGroup(String key) {
    edits++;
    groups.remove(key);
    return this;
  }

  /** Removes every user and group. */
  public synchronized ListDirectorySource clear() {
    edits++;
    users.clear();
    groups.clear();
    return this;
  }

  /**
   * Gives the directory a version, as a file source has: one that changes with every edit. Without
   * it, the source has none, as an LDAP server.
   */
  public synchronized ListDirectorySource versioned() {
    versioned = true;
    return this;
  }

  /** How many times the directory was read. */
  public synchronized int reads() {
    return reads;
  }

  @Override
  public synchronized Optional<String> version() {
    if (failing) {
      throw new SourceException(SourceException.Kind.UNAVAILABLE, "connection refused");
    }
    return versioned ? Optional.of("edit-" + edits) : Optional.empty();
  }

  /** Makes reads fail as an unreachable server would. */
  public synchronized void failing(boolean value) {
    this.failing = value;
  }

  @Override
  public synchronized DirectorySnapshot read() {
    if (failing) {
      throw new SourceException(SourceException.Kind.UNAVAILABLE, "connection refused");
    }
    reads++;
    DirectorySnapshot snapshot =
        new DirectorySnapshot(
            describe(),
            Instant.EPOCH,
            new ArrayList<>(users.values()),
            new ArrayList<>(groups.values()),
            List.of());
    return versioned ? snapshot.withVersion("edit-" + edits) : snapshot;
  }

  @Override
  public String describe() {
    return "list:test";
  }
}
