package org.scimsync.engine.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.state.ChangeOutcome.Result;
import org.scimsync.engine.target.MemberRefusal;
import org.scimsync.engine.target.MembersRefusedException;

/** What a change whose members were partly refused records and reports. */
final class RefusedMembers {

  private RefusedMembers() {}

  /** The keys of the members whose ids the target did not refuse to add. */
  static List<String> accepted(List<String> keys, List<String> ids, MembersRefusedException e) {
    Set<String> refusedIds = new HashSet<>(e.refusedAdditions());
    List<String> accepted = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      if (!refusedIds.contains(ids.get(i))) {
        accepted.add(keys.get(i));
      }
    }
    return accepted;
  }

  /** Source keys by target id, from two parallel lists. */
  static Map<String, String> keysById(List<String> keys, List<String> ids) {
    Map<String, String> byId = new HashMap<>();
    for (int i = 0; i < Math.min(keys.size(), ids.size()); i++) {
      byId.put(ids.get(i), keys.get(i));
    }
    return byId;
  }

  /**
   * A change the target applied except for some members: failed, so that the run reports each
   * refused member by name with the target's words and the next run tries them again; but it is no
   * refusal of the change, so it does not count towards stopping the run.
   */
  static ChangeResult result(
      Change c,
      String groupId,
      String applied,
      MembersRefusedException e,
      Map<String, String> keyById) {
    List<String> named = new ArrayList<>();
    for (MemberRefusal refusal : e.refusals()) {
      String key = keyById.get(refusal.userId());
      named.add(
          (refusal.added() ? "adding " : "removing ")
              + refusal.describe()
              + (key == null ? "" : " [source key " + key + "]"));
    }
    int count = named.size();
    return new ChangeResult(
        c,
        Result.FAILED,
        e.httpStatus(),
        groupId,
        applied
            + ", but "
            + count
            + (count == 1 ? " member" : " members")
            + " refused by the target: "
            + String.join("; ", named));
  }
}
