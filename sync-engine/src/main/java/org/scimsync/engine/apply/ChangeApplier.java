package org.scimsync.engine.apply;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.plan.AttributeDiff;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.state.ChangeOutcome.Result;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.target.AttributeChange;
import org.scimsync.engine.target.MembersRefusedException;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetException;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetTraits;
import org.scimsync.engine.target.TargetUser;

/**
 * Applies one change to the target and records its effect in the links and memberships. A conflict
 * on create is resolved by looking the object up and adopting it. Target failures other than
 * conflicts propagate as {@link TargetException} to the executor.
 */
final class ChangeApplier {

  private static final String STILL_LISTED =
      "the target answered 404 for the linked object but still lists it; the link is kept and"
          + " the next run tries again";

  private final ScimTarget target;
  private final StateStore store;
  private final LinkBook links;

  ChangeApplier(ScimTarget target, StateStore store, LinkBook links) {
    this.target = target;
    this.store = store;
    this.links = links;
  }

  ChangeResult apply(Change change, boolean removalsAllowed) {
    if (change instanceof Change.CreateUser c) {
      return createUser(c);
    } else if (change instanceof Change.UpdateUser c) {
      Optional<ChangeResult> gone =
          patchLinked(c, c.targetId(), () -> target.patchUser(c.targetId(), c.changes()));
      if (gone.isPresent()) {
        return gone.get();
      }
      links.link(
          ObjectKind.USER, c.sourceKey(), c.targetId(), c.contentHash(), false, c.resource());
      return applied(c, c.targetId(), null);
    } else if (change instanceof Change.AdoptUser c) {
      Optional<ChangeResult> gone =
          c.changes().isEmpty()
              ? Optional.empty()
              : patchLinked(c, c.targetId(), () -> target.patchUser(c.targetId(), c.changes()));
      if (gone.isPresent()) {
        return gone.get();
      }
      links.link(
          ObjectKind.USER, c.sourceKey(), c.targetId(), c.contentHash(), false, c.resource());
      return applied(c, c.targetId(), null);
    } else if (change instanceof Change.DisableUser c) {
      String detail =
          deleteOrGone(
              c,
              c.targetId(),
              () ->
                  target.patchUser(
                      c.targetId(),
                      List.of(AttributeChange.replace(List.of("active"), BooleanNode.FALSE))));
      if (detail != null) {
        links.forget(ObjectKind.USER, c.sourceKey());
      } else {
        links.link(ObjectKind.USER, c.sourceKey(), c.targetId(), "disabled", true, null);
      }
      return applied(c, c.targetId(), detail);
    } else if (change instanceof Change.DeleteUser c) {
      String detail = deleteOrGone(c, c.targetId(), () -> target.deleteUser(c.targetId()));
      links.forget(ObjectKind.USER, c.sourceKey());
      return applied(c, c.targetId(), detail);
    } else if (change instanceof Change.CreateGroup c) {
      return createGroup(c);
    } else if (change instanceof Change.UpdateGroup c) {
      Optional<ChangeResult> gone =
          patchLinked(c, c.targetId(), () -> target.patchGroup(c.targetId(), c.changes()));
      if (gone.isPresent()) {
        return gone.get();
      }
      links.link(
          ObjectKind.GROUP, c.sourceKey(), c.targetId(), c.contentHash(), false, c.resource());
      return applied(c, c.targetId(), null);
    } else if (change instanceof Change.AdoptGroup c) {
      Optional<ChangeResult> gone =
          c.changes().isEmpty()
              ? Optional.empty()
              : patchLinked(c, c.targetId(), () -> target.patchGroup(c.targetId(), c.changes()));
      if (gone.isPresent()) {
        return gone.get();
      }
      links.link(
          ObjectKind.GROUP, c.sourceKey(), c.targetId(), c.contentHash(), false, c.resource());
      return applied(c, c.targetId(), null);
    } else if (change instanceof Change.UpdateMembers c) {
      return updateMembers(c, removalsAllowed);
    } else {
      Change.DeleteGroup c = (Change.DeleteGroup) change;
      String detail = deleteOrGone(c, c.targetId(), () -> target.deleteGroup(c.targetId()));
      links.forget(ObjectKind.GROUP, c.sourceKey());
      return applied(c, c.targetId(), detail);
    }
  }

  private ChangeResult createUser(Change.CreateUser c) {
    try {
      TargetUser created = target.createUser(c.resource(), c.sourceKey());
      links.link(
          ObjectKind.USER, c.sourceKey(), created.id(), c.contentHash(), false, c.resource());
      links.forgetMembershipsOf(c.sourceKey());
      return applied(c, created.id(), null);
    } catch (TargetException e) {
      if (e.kind() != TargetException.Kind.CONFLICT) {
        throw e;
      }
      Optional<TargetUser> found = target.findUserByExternalId(c.sourceKey());
      if (found.isEmpty()) {
        found = target.findUserByUserName(c.label());
      }
      if (found.isEmpty()) {
        return failed(c, e, "conflict on create, and no user with this externalId or userName");
      }
      TargetUser existing = found.get();
      String owner = links.owner(ObjectKind.USER, existing.id());
      if (owner != null && !owner.equals(c.sourceKey())) {
        return failed(c, e, "conflict on create with the user of source key " + owner);
      }
      List<AttributeChange> changes =
          adoptionChanges(
              existing.resource(), existing.externalId(), c.resource(), c.sourceKey(), false);
      if (!changes.isEmpty()) {
        target.patchUser(existing.id(), changes);
      }
      links.link(
          ObjectKind.USER, c.sourceKey(), existing.id(), c.contentHash(), false, c.resource());
      return applied(c, existing.id(), "adopted the existing user after a conflict");
    }
  }

  private ChangeResult createGroup(Change.CreateGroup c) {
    List<String> memberKeys = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> memberIds = links.resolveUsers(c.memberKeys(), memberKeys, missing);
    String detail = missing.isEmpty() ? null : missing.size() + " members not in the target";
    TargetGroup group;
    MembersRefusedException refused = null;
    try {
      group = target.createGroup(c.resource(), c.sourceKey(), memberIds);
    } catch (MembersRefusedException e) {
      group =
          Objects.requireNonNull(e.created(), "a create that refused members created the group");
      refused = e;
    } catch (TargetException e) {
      if (e.kind() != TargetException.Kind.CONFLICT) {
        throw e;
      }
      Optional<TargetGroup> found = target.findGroupByExternalId(c.sourceKey());
      if (found.isEmpty()) {
        found = target.findGroupByDisplayName(c.label());
      }
      if (found.isEmpty()) {
        return failed(c, e, "conflict on create, and no group with this externalId or name");
      }
      group = found.get();
      String owner = links.owner(ObjectKind.GROUP, group.id());
      if (owner != null && !owner.equals(c.sourceKey())) {
        return failed(c, e, "conflict on create with the group of source key " + owner);
      }
      List<AttributeChange> changes =
          adoptionChanges(group.resource(), group.externalId(), c.resource(), c.sourceKey(), true);
      if (!changes.isEmpty()) {
        target.patchGroup(group.id(), changes);
      }
      if (!memberIds.isEmpty()) {
        try {
          target.addMembers(group.id(), memberIds);
        } catch (MembersRefusedException partly) {
          refused = partly;
        }
      }
      detail =
          "adopted the existing group after a conflict" + (detail == null ? "" : "; " + detail);
    }
    links.link(ObjectKind.GROUP, c.sourceKey(), group.id(), c.contentHash(), false, c.resource());
    List<String> added =
        refused == null ? memberKeys : RefusedMembers.accepted(memberKeys, memberIds, refused);
    if (!added.isEmpty()) {
      store.addMemberships(c.sourceKey(), added);
    }
    if (refused != null) {
      return RefusedMembers.result(
          c,
          group.id(),
          "the group is in the target",
          refused,
          RefusedMembers.keysById(memberKeys, memberIds));
    }
    return applied(c, group.id(), detail);
  }

  private ChangeResult updateMembers(Change.UpdateMembers c, boolean removalsAllowed) {
    String groupId = c.targetId() != null ? c.targetId() : links.groupId(c.sourceKey());
    if (groupId == null) {
      return new ChangeResult(c, Result.SKIPPED, null, null, "the group is not in the target");
    }
    List<String> notes = new ArrayList<>();
    List<String> addKeys = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> addIds = links.resolveUsers(c.addKeys(), addKeys, missing);
    if (!missing.isEmpty()) {
      notes.add(missing.size() + " members to add are not in the target");
    }
    boolean removing = !c.removeKeys().isEmpty() && removalsAllowed;
    if (!c.removeKeys().isEmpty() && !removalsAllowed) {
      notes.add(c.removeKeys().size() + " removals withheld by the deletion guard");
    }
    List<String> removeIds = List.of();
    List<String> removeKeys = new ArrayList<>();
    if (removing) {
      removeIds = links.resolveUsers(c.removeKeys(), removeKeys, new ArrayList<>());
    }
    MembersRefusedException refused = null;
    if (!addIds.isEmpty() || !removeIds.isEmpty()) {
      try {
        // one request carries both directions (a moved membership is one change, not two)
        target.updateMembers(groupId, addIds, removeIds);
      } catch (MembersRefusedException e) {
        refused = e;
      }
    }
    List<String> added =
        refused == null ? addKeys : RefusedMembers.accepted(addKeys, addIds, refused);
    if (!added.isEmpty()) {
      store.addMemberships(c.sourceKey(), added);
    }
    if (removing) {
      List<String> removed = new ArrayList<>(c.removeKeys());
      if (refused != null) {
        Set<String> kept = new HashSet<>(refused.refusedRemovals());
        for (int i = 0; i < removeKeys.size(); i++) {
          if (kept.contains(removeIds.get(i))) {
            removed.remove(removeKeys.get(i));
          }
        }
      }
      store.removeMemberships(c.sourceKey(), removed);
    }
    if (refused != null) {
      Map<String, String> keys = RefusedMembers.keysById(addKeys, addIds);
      keys.putAll(RefusedMembers.keysById(removeKeys, removeIds));
      return RefusedMembers.result(c, groupId, "the other members were changed", refused, keys);
    }
    return applied(c, groupId, notes.isEmpty() ? null : String.join("; ", notes));
  }

  /**
   * Patches an object the plan knows by id. An incremental run plans the patch of a linked object
   * from the resource last pushed, without reading the target, so the object may have been deleted
   * behind the engine's back: a 404 drops the link to it, and the change fails with a message
   * saying so. The next run finds the object unlinked, looks it up by externalId and name, and
   * creates it again (or adopts a match).
   *
   * @return the failed result when the object no longer exists, empty when the patch was applied
   */
  private Optional<ChangeResult> patchLinked(Change c, String targetId, Runnable patch) {
    try {
      patch.run();
      return Optional.empty();
    } catch (TargetException e) {
      if (e.kind() != TargetException.Kind.NOT_FOUND) {
        throw e;
      }
      if (!GoneCheck.confirmed(target, c.objectKind(), c.sourceKey(), targetId)) {
        return Optional.of(failed(c, e, STILL_LISTED));
      }
      String owner = links.owner(c.objectKind(), targetId);
      if (owner != null) {
        links.forget(c.objectKind(), owner);
      }
      String what = c.objectKind() == ObjectKind.USER ? "user" : "group";
      String detail =
          c instanceof Change.AdoptUser || c instanceof Change.AdoptGroup
              ? "the target " + what + " to adopt no longer exists (deleted outside scim-sync)"
              : "the linked target " + what + " no longer exists (deleted outside scim-sync)";
      return Optional.of(
          failed(c, e, detail + "; the link to it is dropped and the next run creates it again"));
    }
  }

  private List<AttributeChange> adoptionChanges(
      ObjectNode current,
      @Nullable String externalId,
      ObjectNode desired,
      String key,
      boolean group) {
    TargetTraits traits = target.traits();
    List<AttributeChange> changes =
        new ArrayList<>(traits.kept(AttributeDiff.diff(current, desired), group));
    boolean keepsExternalId = group ? traits.keepsGroupExternalId() : traits.keepsUserExternalId();
    if (keepsExternalId && !Objects.equals(externalId, key)) {
      changes.add(AttributeChange.replace(List.of("externalId"), TextNode.valueOf(key)));
    }
    return changes;
  }

  /**
   * Deletes or disables a linked object; a 404 means it is already gone once {@link GoneCheck}
   * confirmed it (a 404 of a wrong tenant stops the run instead, with every link kept).
   */
  private @Nullable String deleteOrGone(Change c, String targetId, Runnable delete) {
    try {
      delete.run();
      return null;
    } catch (TargetException e) {
      if (e.kind() == TargetException.Kind.NOT_FOUND
          && GoneCheck.confirmed(target, c.objectKind(), c.sourceKey(), targetId)) {
        return "already gone from the target";
      }
      throw e;
    }
  }

  private static ChangeResult applied(
      Change c, @Nullable String targetId, @Nullable String detail) {
    return new ChangeResult(c, Result.APPLIED, null, targetId, detail);
  }

  private static ChangeResult failed(Change c, TargetException e, String detail) {
    return new ChangeResult(c, Result.FAILED, e.httpStatus(), null, detail + ": " + e.getMessage());
  }
}
