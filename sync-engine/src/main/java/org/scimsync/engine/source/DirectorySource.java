package org.scimsync.engine.source;

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

  /** A short description for logs and reports, e.g. {@code ldif:/etc/scim-sync/directory.ldif}. */
  String describe();
}
