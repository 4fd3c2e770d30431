package org.scimsync.engine.plan;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.target.AttributeChange;
import org.scimsync.engine.target.TargetGroup;

/**
 * Plans the group changes: match, create (with initial members), adopt, rename in place, and
 * deprovision. Never deletes and recreates a group that still exists.
 */
final class GroupReconciler {

  private final PlanBuilder b;
  private final TargetIndex<TargetGroup> index;
  private final Map<String, String> ownerOfTargetId = new HashMap<>();
  private final Set<String> desiredKeys = new HashSet<>();
  private final Set<String> relinkedKeys = new HashSet<>();

  GroupReconciler(PlanBuilder builder) {
    this.b = builder;
    this.index = TargetIndex.groups(builder.observed.groups());
    builder.stored.groups().values().forEach(l -> ownerOfTargetId.put(l.targetId(), l.sourceKey()));
    builder.desired.groups().forEach(g -> desiredKeys.add(g.key()));
  }

  void reconcile(Map<String, Set<String>> currentMembers) {
    for (DesiredGroup group : b.desired.groups()) {
      reconcile(group, currentMembers);
    }
    deprovision();
  }

  private void reconcile(DesiredGroup group, Map<String, Set<String>> currentMembers) {
    Link link = b.stored.groups().get(group.key());
    String vanished = null;
    if (link != null) {
      TargetGroup current = index.byId(link.targetId());
      if (current != null || !b.observed.complete() && unchanged(group, link)) {
        b.claimedGroupIds.add(link.targetId());
        b.groupIds.put(group.key(), link.targetId());
        b.memberBaseline.put(group.key(), currentMembers.getOrDefault(group.key(), Set.of()));
        if (current != null) {
          update(group, link, current);
        } else {
          b.unchanged++;
        }
        return;
      }
      vanished = "the linked group " + link.targetId() + " no longer exists in the target";
    }
    TargetGroup match = index.byExternalId(group.key());
    String how = "externalId";
    if (match == null) {
      match = index.byName(group.displayName());
      how = "displayName";
    }
    if (match == null) {
      List<String> members =
          group.memberKeys().stream().filter(b.usersAfterPlan::contains).toList();
      String reason = vanished != null ? vanished + "; created again" : "new in the directory";
      b.groupChanges.add(
          new Change.CreateGroup(
              group.key(),
              group.displayName(),
              group.resource(),
              members,
              group.contentHash(),
              reason));
      return;
    }
    String owner = ownerOfTargetId.get(match.id());
    boolean ownedByOther = owner != null && !owner.equals(group.key());
    if (b.claimedGroupIds.contains(match.id())
        || ownedByOther
            && (desiredKeys.contains(owner) || b.desired.heldGroupKeys().contains(owner))) {
      b.warnings.add(
          "group "
              + group.displayName()
              + " (key "
              + group.key()
              + ") skipped: target group "
              + match.displayName()
              + " with the same "
              + how
              + " belongs to another source group");
      return;
    }
    String reason = "an existing target group has the same " + how;
    Set<String> baseline = Set.of();
    if (ownedByOther) {
      relinkedKeys.add(owner);
      baseline = currentMembers.getOrDefault(owner, Set.of());
      reason += "; its link moves from source key " + owner + ", which left the directory";
    }
    b.claimedGroupIds.add(match.id());
    b.groupIds.put(group.key(), match.id());
    b.memberBaseline.put(group.key(), baseline);
    b.groupChanges.add(
        new Change.AdoptGroup(
            group.key(),
            match.id(),
            group.displayName(),
            diff(group, match),
            group.contentHash(),
            reason,
            group.resource()));
  }

  private void update(DesiredGroup group, Link link, TargetGroup current) {
    List<AttributeChange> changes = diff(group, current);
    if (changes.isEmpty()) {
      b.unchanged++;
      if (!group.contentHash().equals(link.contentHash())) {
        b.linkUpdates.add(
            new LinkUpdate(ObjectKind.GROUP, group.key(), current.id(), group.contentHash(), null));
      }
      return;
    }
    String paths =
        changes.stream().map(AttributeChange::scimPath).collect(Collectors.joining(", "));
    String reason =
        current.displayName().equals(group.displayName())
            ? "differs in " + paths
            : "renamed from " + current.displayName() + "; patched in place, keeping its id";
    b.groupChanges.add(
        new Change.UpdateGroup(
            group.key(),
            current.id(),
            group.displayName(),
            changes,
            group.contentHash(),
            reason,
            group.resource()));
  }

  private List<AttributeChange> diff(DesiredGroup group, TargetGroup current) {
    List<AttributeChange> changes =
        new ArrayList<>(
            b.traits.kept(AttributeDiff.diff(current.resource(), group.resource()), true));
    if (b.traits.keepsGroupExternalId() && !Objects.equals(current.externalId(), group.key())) {
      changes.add(AttributeChange.replace(List.of("externalId"), TextNode.valueOf(group.key())));
    }
    return changes;
  }

  private static boolean unchanged(DesiredGroup group, Link link) {
    return group.contentHash().equals(link.contentHash());
  }

  private void deprovision() {
    for (Link link : new TreeMap<>(b.stored.groups()).values()) {
      String key = link.sourceKey();
      if (desiredKeys.contains(key)
          || b.desired.heldGroupKeys().contains(key)
          || relinkedKeys.contains(key)
          || !b.deprovisionsGroups()) {
        continue;
      }
      TargetGroup current = index.byId(link.targetId());
      if (b.observed.complete() && current == null) {
        b.linkDrops.add(
            new LinkDrop(ObjectKind.GROUP, key, "the group no longer exists in the target"));
        continue;
      }
      if (b.policy.groups() == SyncPolicy.GroupDeprovision.DELETE) {
        String label = current != null ? current.displayName() : key;
        b.groupDeletes.add(
            new Change.DeleteGroup(
                key, link.targetId(), label, "no longer in the directory or out of scope"));
      }
    }
  }
}
