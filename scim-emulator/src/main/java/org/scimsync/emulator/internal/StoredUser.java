package org.scimsync.emulator.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user as the directory keeps it: the indexed fields plus the served JSON as UTF-8 bytes (compact
 * enough to hold 200,000 users, and written to the wire without re-serialising).
 *
 * @param seq creation order, the key of cursor paging
 * @param id the assigned id
 * @param userName the user name as given
 * @param externalId the external id, if any
 * @param emails the email values, lower-cased
 * @param active the {@code active} attribute
 * @param managerId the enterprise {@code manager.value}, if any
 * @param json the full representation served for this user
 */
public record StoredUser(
    long seq,
    String id,
    String userName,
    @Nullable String externalId,
    List<String> emails,
    boolean active,
    @Nullable String managerId,
    byte[] json) {

  /** Copies the email list. */
  public StoredUser {
    emails = List.copyOf(emails);
  }
}
