package org.scimsync.sources.ldap.changes;

import java.util.Objects;

/**
 * The changes since a checkpoint cannot be known: the caller reads everything ({@link
 * LdapChangeReader#readAll}) and continues from the checkpoint that read returns. Nothing was
 * missed or applied: the caller's previous state stays as it was.
 *
 * @param reason why, as a closed set the engine can count and report
 * @param detail one sentence for logs and the run report, naming the server and what differs
 */
public record FullReadNeeded(Reason reason, String detail) implements ChangeRead {

  public FullReadNeeded {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** Why a full read is needed. */
  public enum Reason {
    /** There is no checkpoint: the first run, or the state holds none for this target. */
    NO_CHECKPOINT,
    /** The checkpoint is not one this version wrote (corrupt, or of another format). */
    UNREADABLE_CHECKPOINT,
    /**
     * The checkpoint was taken with other bases, filters, keys, member attributes or nesting: the
     * entries it covers are not those the configuration now reads.
     */
    SETTINGS_CHANGED,
    /**
     * The checkpoint belongs to another server or database: another OpenLDAP database (its base
     * entry has another entryUUID), another Active Directory domain controller (another {@code
     * invocationId}), or a server behind the checkpoint (restored from a backup).
     */
    OTHER_SERVER,
    /**
     * The server no longer knows what changed since the checkpoint: OpenLDAP's session log does not
     * reach back that far (the server answered with its present phase, or e-syncRefreshRequired).
     */
    COOKIE_EXPIRED,
    /**
     * The checkpoint was made with another mechanism than the server offers now ({@code syncprov}
     * was added or removed).
     */
    MECHANISM_CHANGED,
    /** The server offers no way to find changes (no {@code syncprov}, no readable entryCSN). */
    MECHANISM_UNAVAILABLE,
    /**
     * Entries were deleted, which the server names by entryUUID only, while users or groups are
     * keyed by another attribute: which keys went cannot be known without a full read.
     */
    UNKEYED_DELETIONS,
    /** More entries changed than an incremental read should handle; a full read is cheaper. */
    TOO_MANY_CHANGES
  }
}
