package org.scimsync.sources.ldap;

import com.unboundid.ldap.sdk.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scimsync.sources.read.ObjectSid;

/**
 * Active Directory's primary groups: a user's membership in its primary group ("Domain Users" for
 * most) is not in the group's {@code member} attribute but in the user's {@code primaryGroupID},
 * the relative identifier of the group's {@code objectSid} in the user's own domain. Users are read
 * before groups, so each group is given the users whose primary group it is. One instance per read.
 */
final class PrimaryGroups {

  static final String PRIMARY_GROUP_ID = "primaryGroupID";
  static final String OBJECT_SID = "objectSid";

  private final Map<String, List<String>> membersBySid = new HashMap<>();

  /** Remembers {@code user} (by its member reference) as a member of its primary group. */
  void addUser(Entry user, String reference) {
    String sid = ObjectSid.toText(user.getAttributeValueBytes(OBJECT_SID));
    String rid = user.getAttributeValue(PRIMARY_GROUP_ID);
    if (sid == null || rid == null) {
      return;
    }
    try {
      String groupSid = ObjectSid.withRid(sid, Long.parseLong(rid.trim()));
      membersBySid.computeIfAbsent(groupSid, s -> new ArrayList<>()).add(reference);
    } catch (NumberFormatException e) {
      // not a relative identifier: the user has no primary group we can name
    }
  }

  /** The users (member references) whose primary group {@code group} is. */
  List<String> membersOf(Entry group) {
    String sid = ObjectSid.toText(group.getAttributeValueBytes(OBJECT_SID));
    return sid == null ? List.of() : membersBySid.getOrDefault(sid, List.of());
  }
}
