package org.scimsync.sources.ldap.changes;

import java.util.List;

/**
 * The directory changed: what a watch tells its listener, once per burst of changes.
 *
 * @param changes how many change notices the burst held (an entry changed twice counts twice)
 * @param entries the DNs of the entries the notices named, at most {@value #MAX_ENTRIES}, for logs
 *     (deletions that come as entryUUIDs only are counted but not named)
 * @param resync true when the watch could not tell exactly what changed (it reconnected with a
 *     checkpoint the server no longer knew, or to another server): only a full read is sure
 */
public record DirectoryChanged(int changes, List<String> entries, boolean resync) {

  /** The most entries named in one notice. */
  public static final int MAX_ENTRIES = 100;

  public DirectoryChanged {
    entries = List.copyOf(entries);
  }
}
