package org.scimsync.engine.plan;

import com.fasterxml.jackson.databind.node.BooleanNode;
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
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.target.AttributeChange;
import org.scimsync.engine.target.TargetUser;

/** Plans the user changes: match, create, adopt, update, and deprovision. */
final class UserReconciler {

  private final PlanBuilder b;
  private final TargetIndex<TargetUser> index;
  private final Map<String, String> ownerOfTargetId = new HashMap<>();
  private final Set<String> desiredKeys = new HashSet<>();
  private final Set<String> relinkedKeys = new HashSet<>();

  UserReconciler(PlanBuilder builder) {
    this.b = builder;
    this.index = TargetIndex.users(builder.observed.users());
    builder.stored.users().values().forEach(l -> ownerOfTargetId.put(l.targetId(), l.sourceKey()));
    builder.desired.users().forEach(u -> desiredKeys.add(u.key()));
  }

  void reconcile() {
    for (DesiredUser user : b.desired.users()) {
      reconcile(user);
    }
    for (String key : b.desired.heldUserKeys()) {
      if (b.stored.users().containsKey(key)) {
        b.usersAfterPlan.add(key);
      }
    }
    deprovision();
  }

  private void reconcile(DesiredUser user) {
    Link link = b.stored.users().get(user.key());
    if (!b.inFocus(user.key())) {
      if (link != null) {
        b.usersAfterPlan.add(user.key());
        b.claimedUserIds.add(link.targetId());
      }
      return;
    }
    String vanished = null;
    if (link != null) {
      TargetUser current = index.byId(link.targetId());
      if (current != null) {
        update(user, link, current);
        return;
      }
      if (!b.observed.complete() && unchanged(user, link)) {
        b.unchanged++;
        b.usersAfterPlan.add(user.key());
        b.claimedUserIds.add(link.targetId());
        return;
      }
      vanished = "the linked user " + link.targetId() + " no longer exists in the target";
    }
    TargetUser match = index.byExternalId(user.key());
    String how = "externalId";
    if (match == null) {
      match = index.byName(user.userName());
      how = "userName";
    }
    if (match == null) {
      String reason = vanished != null ? vanished + "; created again" : "new in the directory";
      b.userChanges.add(
          new Change.CreateUser(
              user.key(), user.userName(), user.resource(), user.contentHash(), reason));
      b.usersAfterPlan.add(user.key());
      b.createdUserKeys.add(user.key());
      return;
    }
    String owner = ownerOfTargetId.get(match.id());
    boolean ownedByOther = owner != null && !owner.equals(user.key());
    if (b.claimedUserIds.contains(match.id())
        || ownedByOther
            && (desiredKeys.contains(owner) || b.desired.heldUserKeys().contains(owner))) {
      b.warnings.add(
          "user "
              + user.userName()
              + " (key "
              + user.key()
              + ") skipped: target user "
              + match.userName()
              + " with the same "
              + how
              + " belongs to another source user");
      return;
    }
    String reason = "an existing target user has the same " + how;
    if (ownedByOther) {
      relinkedKeys.add(owner);
      reason += "; its link moves from source key " + owner + ", which left the directory";
    }
    List<AttributeChange> changes = diff(user, match, false);
    b.claimedUserIds.add(match.id());
    b.usersAfterPlan.add(user.key());
    b.userChanges.add(
        new Change.AdoptUser(
            user.key(),
            match.id(),
            user.userName(),
            changes,
            user.contentHash(),
            reason,
            user.resource()));
  }

  private void update(DesiredUser user, Link link, TargetUser current) {
    b.claimedUserIds.add(current.id());
    b.usersAfterPlan.add(user.key());
    List<AttributeChange> changes = diff(user, current, link.disabled());
    if (changes.isEmpty()) {
      b.unchanged++;
      if (!user.contentHash().equals(link.contentHash()) || link.disabled()) {
        b.linkUpdates.add(
            new LinkUpdate(ObjectKind.USER, user.key(), current.id(), user.contentHash(), null));
      }
      return;
    }
    String paths =
        changes.stream().map(AttributeChange::scimPath).collect(Collectors.joining(", "));
    String reason =
        link.disabled() ? "back in the directory: enabled again" : "differs in " + paths;
    b.userChanges.add(
        new Change.UpdateUser(
            user.key(),
            current.id(),
            user.userName(),
            changes,
            user.contentHash(),
            reason,
            user.resource()));
  }

  private List<AttributeChange> diff(DesiredUser user, TargetUser current, boolean reenable) {
    List<AttributeChange> changes =
        new ArrayList<>(b.traits.kept(b.observed.userDiffs().between(current, user), false));
    if (b.traits.keepsUserExternalId() && !Objects.equals(current.externalId(), user.key())) {
      changes.add(AttributeChange.replace(List.of("externalId"), TextNode.valueOf(user.key())));
    }
    if (reenable && !user.resource().has("active")) {
      changes.add(AttributeChange.replace(List.of("active"), BooleanNode.TRUE));
    }
    return changes;
  }

  private static boolean unchanged(DesiredUser user, Link link) {
    return user.contentHash().equals(link.contentHash()) && !link.disabled();
  }

  private void deprovision() {
    for (Link link : new TreeMap<>(b.stored.users()).values()) {
      String key = link.sourceKey();
      if (desiredKeys.contains(key)
          || b.desired.heldUserKeys().contains(key)
          || relinkedKeys.contains(key)
          || !b.inFocus(key)) {
        continue;
      }
      TargetUser current = index.byId(link.targetId());
      if (b.observed.complete() && current == null) {
        b.linkDrops.add(
            new LinkDrop(ObjectKind.USER, key, "the user no longer exists in the target"));
        continue;
      }
      String label = label(current, key);
      String reason = "no longer in the directory or out of scope";
      switch (b.policy.users()) {
        case DELETE -> {
          b.userDeletes.add(new Change.DeleteUser(key, link.targetId(), label, reason));
          b.deletedUserKeys.add(key);
        }
        case DISABLE -> {
          if (!link.disabled()) {
            b.disables.add(new Change.DisableUser(key, link.targetId(), label, reason));
          }
          b.usersAfterPlan.add(key);
        }
        case KEEP -> b.usersAfterPlan.add(key);
      }
    }
  }

  private static String label(@Nullable TargetUser current, String key) {
    return current != null ? current.userName() : key;
  }
}
