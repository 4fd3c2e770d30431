package org.scimsync.client.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.GroupMembership;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.scimsync.client.Capability;
import org.scimsync.client.GroupCreation;
import org.scimsync.client.RefusedMember;
import org.scimsync.client.ScimBadRequestException;
import org.scimsync.client.ScimFilter;
import org.scimsync.client.ScimNotFoundException;
import org.scimsync.client.ScimTargetNotFoundException;
import org.scimsync.client.ScimUnsupportedException;
import org.scimsync.client.TargetProfile;

/**
 * The group calls that depend on the target profile: creating large groups in batches, PATCH
 * splitting and refusals, membership checks through filters where members are not readable.
 */
public final class GroupOperations {

  private final ResourceEndpoint<ScimGroup> groups;
  private final ScimJson json;
  private final TargetProfile profile;
  private final CapabilityBook book;
  private final MemberPatcher patcher;

  /**
   * Creates the group operations.
   *
   * @param groups the {@code /Groups} endpoint
   * @param json the SCIM mapper
   * @param profile the target profile
   * @param book what is known of the target's capabilities
   */
  public GroupOperations(
      ResourceEndpoint<ScimGroup> groups,
      ScimJson json,
      TargetProfile profile,
      CapabilityBook book) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.json = Objects.requireNonNull(json, "json");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.book = Objects.requireNonNull(book, "book");
    this.patcher = new MemberPatcher(groups, book);
  }

  /**
   * Creates a group with its first members inline and the rest as PATCH requests. Under the generic
   * profile a create refused for its members (400) is sent again without them and the members are
   * added by PATCH, where a refused batch is split until the refused members are alone: one bad
   * member never keeps the group, or its other members, out.
   *
   * @param group the group; not modified
   * @return the created group as the create request answered it, and the refused members
   */
  public GroupCreation create(ScimGroup group) {
    List<GroupMembership> members = group.getMembers();
    if (members == null || members.isEmpty()) {
      return new GroupCreation(groups.create(group), List.of());
    }
    if (book.adapts()) {
      return createAdapting(group, members);
    }
    try {
      return new GroupCreation(createWithMembers(group, members), List.of());
    } catch (ScimTargetNotFoundException e) {
      // A create with members may answer 404 for an unknown member: a rejected change.
      rethrowIfTenantMissing(e);
      throw new ScimNotFoundException(
          e.api(), e.status(), e.detail(), e.scimType(), e.requestId(), e);
    }
  }

  private GroupCreation createAdapting(ScimGroup group, List<GroupMembership> members) {
    List<String> ids = members.stream().map(GroupMembership::getValue).toList();
    int inline = Math.min(book.inlineMembersOnCreate(), ids.size());
    if (inline > 0) {
      ScimGroup created = null;
      try {
        created = groups.create(withMembers(group, members.subList(0, inline)));
      } catch (ScimBadRequestException e) {
        // Refused for its members, or for something else: the create without them tells.
      } catch (ScimTargetNotFoundException e) {
        rethrowIfTenantMissing(e); // else an unknown member
      }
      if (created != null) {
        return new GroupCreation(
            created, patcher.apply(created.getId(), rest(ids, inline), List.of()));
      }
    }
    ScimGroup created = groups.create(withMembers(group, List.of()));
    List<RefusedMember> refused = patcher.apply(created.getId(), ids, List.of());
    if (inline > 0 && refused.isEmpty() && !book.settled(Capability.MEMBERS_ON_CREATE)) {
      boolean limited = book.maxMembersPerPatch() < inline;
      if (!limited) {
        // The same members were accepted by PATCH: the target takes no members on create.
        book.learn(Capability.MEMBERS_ON_CREATE, "false");
      }
    }
    return new GroupCreation(created, refused);
  }

  private static List<String> rest(List<String> ids, int from) {
    return ids.subList(from, ids.size());
  }

  private ScimGroup withMembers(ScimGroup group, List<GroupMembership> members) {
    ScimGroup copy =
        json.convert(
            ScimApi.CREATE_GROUP.apiName(), json.mapper().valueToTree(group), ScimGroup.class);
    copy.setMembers(members.isEmpty() ? null : new ArrayList<>(members));
    return copy;
  }

  private ScimGroup createWithMembers(ScimGroup group, List<GroupMembership> members) {
    int inline = profile.maxInlineMembersOnCreate();
    if (members.size() <= inline) {
      return groups.create(group);
    }
    ScimGroup first =
        json.convert(
            ScimApi.CREATE_GROUP.apiName(), json.mapper().valueToTree(group), ScimGroup.class);
    first.setMembers(new ArrayList<>(members.subList(0, inline)));
    ScimGroup created = groups.create(first);
    List<String> rest =
        members.subList(inline, members.size()).stream().map(GroupMembership::getValue).toList();
    patchMembers(created.getId(), rest, List.of());
    return created;
  }

  /**
   * Replaces a group, where the profile allows PUT for groups.
   *
   * @param id the group id
   * @param group the full new content
   * @return the group as answered
   */
  public ScimGroup replace(String id, ScimGroup group) {
    if (!profile.supportsGroupPut()) {
      throw new ScimUnsupportedException(
          ScimApi.PUT_GROUP.apiName(),
          -1,
          "the " + profile.configName() + " target has no PUT for groups; use PATCH",
          null,
          null);
    }
    return groups.replace(id, group);
  }

  /**
   * Checks and splits PATCH operations, then sends them in order.
   *
   * @param id the group id
   * @param ops the operations
   */
  public void patch(String id, List<PatchOperation> ops) {
    if (profile.forbidsMemberReplace()) {
      MembershipBatcher.refuseMemberReplace(ScimApi.PATCH_GROUP.apiName(), ops);
    }
    for (List<PatchOperation> request :
        MembershipBatcher.split(ops, profile.maxMembersPerPatch())) {
      groups.patch(id, request);
    }
  }

  /**
   * Adds and removes members in batches; under the generic profile a refused batch is split until
   * the refused members are alone (see {@link MemberPatcher}).
   *
   * @param groupId the group id
   * @param add user ids to add
   * @param remove user ids to remove
   * @return the members the target refused (generic profile); the others were applied
   */
  public List<RefusedMember> patchMembers(
      String groupId, Collection<String> add, Collection<String> remove) {
    if (book.adapts()) {
      for (String id : add) {
        if (remove.contains(id)) {
          throw new IllegalArgumentException("user " + id + " is both added to and removed from");
        }
      }
      return patcher.apply(groupId, add, remove);
    }
    patch(
        groupId,
        MembershipBatcher.memberOperations(add, remove, profile.removesMembersByValueList()));
    return List.of();
  }

  /**
   * The groups a user is a direct member of.
   *
   * @param userId the user id
   * @return the groups, empty on 404 (unknown member) unless the answer names the tenant
   */
  public List<ScimGroup> ofUser(String userId) {
    try {
      return groups.list(ScimFilter.eq("members.value", userId)).toList();
    } catch (ScimTargetNotFoundException e) {
      rethrowIfTenantMissing(e);
      return List.of();
    }
  }

  /**
   * A 404 on a request that names members (a member filter, a create with members) may mean that a
   * member does not exist, which is no configuration error: only one whose detail names the tenant
   * ({@code "TENANT does not exist."}) stays one.
   */
  private static void rethrowIfTenantMissing(ScimTargetNotFoundException e) {
    String detail = e.detail();
    if (detail != null && detail.toLowerCase(Locale.ROOT).contains("tenant")) {
      throw e;
    }
  }

  /**
   * The members of a group, read with {@code attributes=members} where the target shows them only
   * on request (learned when a read without it shows none and a read with it shows some).
   *
   * @param groupId the group id
   * @return the member ids; empty for an unknown group
   */
  public List<String> membersOf(String groupId) {
    if (book.membersOnRequest()) {
      return ids(groups.get(groupId, "members"));
    }
    Optional<ScimGroup> group = groups.get(groupId);
    if (group.isPresent() && group.get().getMembers() == null && book.adapts()) {
      List<String> requested = ids(groups.get(groupId, "members"));
      if (!requested.isEmpty()) {
        book.learn(Capability.MEMBERS_ON_REQUEST, "true");
      }
      return requested;
    }
    return ids(group);
  }

  private static List<String> ids(Optional<ScimGroup> group) {
    return group.map(ScimGroup::getMembers).orElse(List.of()).stream()
        .map(GroupMembership::getValue)
        .toList();
  }

  /**
   * Whether a user is a direct member of a group.
   *
   * @param groupId the group id
   * @param userId the user id
   * @return true if a member; false also on 404
   */
  public boolean isMember(String groupId, String userId) {
    try {
      if (profile.membersReadable()) {
        return membersOf(groupId).contains(userId);
      }
      String filter =
          ScimFilter.and(ScimFilter.eq("id", groupId), ScimFilter.eq("members", userId));
      return groups.list(filter).findAny().isPresent();
    } catch (ScimTargetNotFoundException e) {
      rethrowIfTenantMissing(e);
      return false;
    } catch (ScimNotFoundException e) {
      return false;
    }
  }
}
