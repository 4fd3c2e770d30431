package org.scimsync.engine.source;

import java.util.Optional;

/**
 * The port through which the engine reads "the local directory": an LDIF file, CSV files or an LDAP
 * server.
 *
 * <p>A read either returns a complete snapshot or throws: a failed, timed-out or truncated read is
 * never reported as a smaller directory.
 */
public interface DirectorySource {

  /**
   * Reads the whole directory.
   *
   * @throws SourceException when the source cannot be read completely
   */
  DirectorySnapshot read();

  /**
   * The version of what {@link #read()} would return now, found without reading the directory entry
   * by entry: equal versions promise equal snapshots, and a snapshot's {@link
   * DirectorySnapshot#version()} is the version of the content it was read from. Empty when the
   * source cannot tell cheaply (the default; an LDAP server).
   *
   * @throws SourceException when the source cannot be read
   */
  default Optional<String> version() {
    return Optional.empty();
  }

  /**
   * What the source offers to read only what changed, if it keeps track of its changes (the
   * default: it does not, and every run reads everything).
   */
  default Optional<ChangeTracking> changeTracking() {
    return Optional.empty();
  }

  /** A short description for logs and reports, e.g. {@code ldif:/etc/scim-sync/directory.ldif}. */
  String describe();
}
