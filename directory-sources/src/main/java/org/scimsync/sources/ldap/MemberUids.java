package org.scimsync.sources.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.util.StaticUtils;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the {@code memberUid} values of RFC 2307 {@code posixGroup} entries, which name a member
 * by its login name rather than its DN, to the users with that {@code uid} (compared
 * case-insensitively, as the directory does). Users are read before groups, so every user is known
 * when groups are resolved. One instance per read.
 */
final class MemberUids {

  /** The member attribute of {@code posixGroup}. */
  static final String MEMBER_UID = "memberUid";

  private static final String UID = "uid";

  private final Map<String, String> referenceByUid = new HashMap<>();

  /** Whether {@code attribute} holds uids rather than DNs. */
  static boolean holdsUids(String attribute) {
    return attribute.equalsIgnoreCase(MEMBER_UID);
  }

  /** Remembers the uids of a user; the first user with a uid keeps it. */
  void addUser(Entry user, String reference) {
    String[] uids = user.getAttributeValues(UID);
    if (uids != null) {
      for (String uid : uids) {
        referenceByUid.putIfAbsent(StaticUtils.toLowerCase(uid.trim()), reference);
      }
    }
  }

  /**
   * The member reference for {@code uid}: the user's normalised DN, or, when no user read has that
   * uid, a reference no entry has (so the group reports it as an unresolved member).
   */
  String reference(String uid) {
    String reference = referenceByUid.get(StaticUtils.toLowerCase(uid.trim()));
    return reference != null ? reference : MEMBER_UID + " " + uid;
  }
}
