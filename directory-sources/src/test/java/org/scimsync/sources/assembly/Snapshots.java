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

  /** The user whose DN is {@code dn} (compared as DNs); fails when there is none. */
  public static SourceUser userByDn(DirectorySnapshot snapshot, String dn) {
    return snapshot.users().stream()
        .filter(u -> u.dn() != null && sameDn(dn, u.dn()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no user " + dn));
  }

  /**
   * Everything a snapshot says about users and groups, as sorted text (binary values in hex), so
   * two reads compare equal exactly when they read the same directory content.
   */
  public static String content(DirectorySnapshot snapshot) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (SourceUser user : snapshot.users()) {
      lines.add(
          "user "
              + user.key()
              + " "
              + user.dn()
              + " "
              + text(user.attributes())
              + " "
              + user.groups());
    }
    for (SourceGroup group : snapshot.groups()) {
      lines.add(
          "group "
              + group.key()
              + " "
              + group.name()
              + " "
              + group.dn()
              + " "
              + text(group.attributes())
              + " "
              + new java.util.TreeSet<>(group.memberKeys())
              + " "
              + group.groups());
    }
    lines.addAll(snapshot.warnings());
    java.util.Collections.sort(lines);
    return String.join("\n", lines);
  }

  private static String text(java.util.Map<String, java.util.List<Object>> attributes) {
    java.util.TreeMap<String, java.util.List<String>> sorted =
        new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    attributes.forEach(
        (name, values) ->
            sorted.put(
                name,
                values.stream()
                    .map(
                        v ->
                            v instanceof byte[] b
                                ? java.util.HexFormat.of().formatHex(b)
                                : v.toString())
                    .toList()));
    return sorted.toString();
  }

  private static boolean sameDn(String a, String b) {
    try {
      return new com.unboundid.ldap.sdk.DN(a).equals(new com.unboundid.ldap.sdk.DN(b));
    } catch (com.unboundid.ldap.sdk.LDAPException e) {
      throw new AssertionError(e);
    }
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
