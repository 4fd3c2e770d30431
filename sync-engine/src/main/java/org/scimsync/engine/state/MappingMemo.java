package org.scimsync.engine.state;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What each source user mapped to in earlier runs, under the rules of one fingerprint: a user whose
 * source entry has the same fingerprint again maps to the same userName and content hash, so a run
 * need not map it unless it needs its resource. A cache only: losing it costs one run the mapping
 * of every user, never a wrong plan.
 *
 * @param rulesFingerprint the fingerprint of the rules the entries were mapped with
 * @param users source key to what that user mapped to
 */
public record MappingMemo(String rulesFingerprint, Map<String, Entry> users) {

  public MappingMemo {
    Objects.requireNonNull(rulesFingerprint, "rulesFingerprint");
    users = Map.copyOf(users);
  }

  /** Nothing remembered under these rules. */
  public static MappingMemo empty(String rulesFingerprint) {
    return new MappingMemo(rulesFingerprint, Map.of());
  }

  /**
   * One user's mapping.
   *
   * @param sourceFingerprint the fingerprint of the source entry that was mapped
   * @param userName the userName it mapped to
   * @param contentHash the content hash of the resource it mapped to
   */
  public record Entry(String sourceFingerprint, String userName, String contentHash) {

    public Entry {
      Objects.requireNonNull(sourceFingerprint, "sourceFingerprint");
      Objects.requireNonNull(userName, "userName");
      Objects.requireNonNull(contentHash, "contentHash");
    }
  }

  /**
   * Brings a stored memo up to date. Under another rules fingerprint than the stored one, the
   * stored entries are all forgotten first.
   *
   * @param rulesFingerprint the fingerprint of the rules the new entries were mapped with
   * @param put entries to insert or replace, by source key
   * @param remove source keys to forget
   */
  public record Update(String rulesFingerprint, Map<String, Entry> put, Set<String> remove) {

    public Update {
      Objects.requireNonNull(rulesFingerprint, "rulesFingerprint");
      put = Map.copyOf(put);
      remove = Set.copyOf(remove);
    }

    /** Whether the update changes nothing. */
    public boolean isEmpty() {
      return put.isEmpty() && remove.isEmpty();
    }
  }
}
