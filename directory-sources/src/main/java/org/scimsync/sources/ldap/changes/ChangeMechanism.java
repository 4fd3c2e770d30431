package org.scimsync.sources.ldap.changes;

import java.util.Locale;

/** How a server tells what changed; recorded in the checkpoint. */
public enum ChangeMechanism {
  /**
   * RFC 4533 content synchronization, refreshOnly, against OpenLDAP's {@code syncprov} overlay with
   * a session log: changed entries, and the entryUUIDs of deleted ones.
   */
  CONTENT_SYNC,
  /**
   * Entries whose {@code entryCSN} is above the last one seen (OpenLDAP without {@code syncprov}):
   * changed entries only; deletions need a full read.
   */
  ENTRY_CSN,
  /**
   * Entries whose {@code uSNChanged} is above the {@code highestCommittedUSN} of the same Active
   * Directory domain controller, and its tombstones in the Deleted Objects container.
   */
  USN_CHANGED;

  /** The name in checkpoints and logs: {@code content-sync}, {@code entry-csn}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
