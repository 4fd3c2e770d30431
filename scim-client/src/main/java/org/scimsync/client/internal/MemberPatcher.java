package org.scimsync.client.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.GroupMembership;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.scimsync.client.Capability;
import org.scimsync.client.RefusedMember;
import org.scimsync.client.ScimBadRequestException;
import org.scimsync.client.ScimNotFoundException;

/**
 * Adds and removes the members of a group on a target that is learned rather than known (the
 * generic profile). Members go in batches of the learned limit. A batch the target refuses (400, or
 * 404 for a member it does not know) is split in halves until the refused members are alone: the
 * others are added all the same, and each refused member is reported with the target's own words.
 * When halves pass where their whole did not, the target has a member limit, which is learned. A
 * removal refused in one style ({@code members[value eq "id"]} paths) is tried once in the other (a
 * value list), and the style that works is learned.
 */
final class MemberPatcher {

  private final ResourceEndpoint<ScimGroup> groups;
  private final CapabilityBook book;
  private final AtomicInteger largestAccepted = new AtomicInteger();

  MemberPatcher(ResourceEndpoint<ScimGroup> groups, CapabilityBook book) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.book = Objects.requireNonNull(book, "book");
  }

  /**
   * Adds and removes members.
   *
   * @param groupId the group
   * @param add user ids to add
   * @param remove user ids to remove
   * @return the members the target refused, each isolated; the others were applied
   */
  List<RefusedMember> apply(String groupId, Collection<String> add, Collection<String> remove) {
    List<String> adds = List.copyOf(new LinkedHashSet<>(add));
    List<String> removes = List.copyOf(new LinkedHashSet<>(remove));
    List<RefusedMember> refused = new ArrayList<>();
    int size = Math.max(1, book.maxMembersPerPatch());
    // Requests of at most `size` changes, additions first: a moved membership costs one request.
    int total = adds.size() + removes.size();
    for (int from = 0; from < total; from += size) {
      int to = Math.min(total, from + size);
      List<String> batchAdds = adds.subList(Math.min(from, adds.size()), Math.min(to, adds.size()));
      List<String> batchRemoves =
          removes.subList(
              Math.max(0, from - adds.size()),
              Math.max(0, Math.min(to - adds.size(), removes.size())));
      sendBoth(groupId, batchAdds, batchRemoves, refused);
    }
    return refused;
  }

  private void sendBoth(
      String groupId, List<String> adds, List<String> removes, List<RefusedMember> refused) {
    if (adds.isEmpty() || removes.isEmpty()) {
      send(groupId, adds.isEmpty() ? removes : adds, !adds.isEmpty(), refused);
      return;
    }
    try {
      groups.patch(
          groupId,
          MembershipBatcher.memberOperations(adds, removes, book.removesMembersByValueList()));
      accepted(adds.size() + removes.size());
      return;
    } catch (ScimBadRequestException | ScimNotFoundException e) {
      if (e instanceof ScimNotFoundException && groups.get(groupId).isEmpty()) {
        throw e;
      }
    }
    send(groupId, adds, true, refused);
    send(groupId, removes, false, refused);
  }

  private void send(String groupId, List<String> batch, boolean add, List<RefusedMember> refused) {
    try {
      patch(groupId, batch, add, book.removesMembersByValueList());
      accepted(batch.size());
      return;
    } catch (ScimBadRequestException | ScimNotFoundException e) {
      if (e instanceof ScimNotFoundException && groups.get(groupId).isEmpty()) {
        throw e; // the group is gone, not a member
      }
      boolean noTarget = !add && "noTarget".equalsIgnoreCase(e.scimType());
      if (noTarget && batch.size() == 1) {
        return; // not a member (any more): nothing to remove
      }
      if (!noTarget
          && !add
          && !book.settled(Capability.MEMBER_REMOVAL)
          && otherStyleWorks(groupId, batch)) {
        accepted(batch.size());
        return;
      }
      if (batch.size() == 1) {
        refused.add(new RefusedMember(batch.get(0), add, e));
        return;
      }
    }
    int half = batch.size() / 2;
    int refusedBefore = refused.size();
    send(groupId, batch.subList(0, half), add, refused);
    send(groupId, batch.subList(half, batch.size()), add, refused);
    if (refused.size() == refusedBefore) {
      // Each half passed where the whole did not: the target limits members per request.
      int limit = Math.max(1, Math.min(largest(), batch.size() - 1));
      book.learn(Capability.MAX_MEMBERS_PER_REQUEST, Integer.toString(limit));
    }
  }

  /**
   * Tries the other removal style. A target may answer 200 to a style it ignores (Keycloak 26 does
   * so for a value list), so where members can be read, they are read back: the style works only if
   * the members are gone.
   */
  private boolean otherStyleWorks(String groupId, List<String> batch) {
    boolean valueList = !book.removesMembersByValueList();
    try {
      patch(groupId, batch, false, valueList);
    } catch (ScimBadRequestException | ScimNotFoundException e) {
      return false;
    }
    List<GroupMembership> after =
        groups
            .get(groupId, book.membersOnRequest() ? "members" : null)
            .map(ScimGroup::getMembers)
            .orElse(null);
    if (after != null && after.stream().anyMatch(m -> batch.contains(m.getValue()))) {
      return false;
    }
    book.learn(Capability.MEMBER_REMOVAL, valueList ? "value-list" : "path");
    return true;
  }

  private void patch(String groupId, List<String> batch, boolean add, boolean valueList) {
    List<PatchOperation> ops =
        add
            ? MembershipBatcher.memberOperations(batch, List.of(), valueList)
            : MembershipBatcher.memberOperations(List.of(), batch, valueList);
    groups.patch(groupId, ops);
  }

  private void accepted(int size) {
    largestAccepted.accumulateAndGet(size, Math::max);
  }

  private int largest() {
    return largestAccepted.get();
  }
}
