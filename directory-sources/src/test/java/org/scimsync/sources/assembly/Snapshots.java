package org.scimsync.sources.assembly;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;

/** Lookups in snapshots and test resources, shared by the source tests. */
public final class Snapshots {

  private Snapshots() {}

  /** The user with {@code key}; fails when there is none. */
  public static SourceUser user(DirectorySnapshot snapshot, String key) {
    return snapshot.users().stream()
        .filter(u -> u.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no user " + key));
  }

  /** The group named {@code name}; fails when there is none. */
  public static SourceGroup group(DirectorySnapshot snapshot, String name) {
    return snapshot.groups().stream()
        .filter(g -> g.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no group " + name));
  }

  /** The path of a test resource under {@code /source/}. */
  public static Path resource(String name) {
    URL url = Objects.requireNonNull(Snapshots.class.getResource("/source/" + name), name);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
