package org.scimsync.client.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.GroupMembership;
import org.apache.directory.scim.spec.resources.ScimGroup;
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

  /**
   * Creates the group operations.
   *
   * @param groups the {@code /Groups} endpoint
   * @param json the SCIM mapper
   * @param profile the target profile
   */
  public GroupOperations(ResourceEndpoint<ScimGroup> groups, ScimJson json, TargetProfile profile) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.json = Objects.requireNonNull(json, "json");
    this.profile = Objects.requireNonNull(profile, "profile");
  }

  /**
   * Creates a group with its first members inline and the rest as PATCH requests.
   *
   * @param group the group; not modified
   * @return the created group as the create request answered it
   */
  public ScimGroup create(ScimGroup group) {
    List<GroupMembership> members = group.getMembers();
    if (members == null || members.isEmpty()) {
      return groups.create(group);
    }
    try {
      return createWithMembers(group, members);
    } catch (ScimTargetNotFoundException e) {
      // A create with members may answer 404 for an unknown member: a rejected change.
      rethrowIfTenantMissing(e);
      throw new ScimNotFoundException(
          e.api(), e.status(), e.detail(), e.scimType(), e.requestId(), e);
    }
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
   * Adds and removes members in batches.
   *
   * @param groupId the group id
   * @param add user ids to add
   * @param remove user ids to remove
   */
  public void patchMembers(String groupId, Collection<String> add, Collection<String> remove) {
    patch(
        groupId,
        MembershipBatcher.memberOperations(add, remove, profile.removesMembersByValueList()));
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
   * Whether a user is a direct member of a group.
   *
   * @param groupId the group id
   * @param userId the user id
   * @return true if a member; false also on 404
   */
  public boolean isMember(String groupId, String userId) {
    try {
      if (profile.membersReadable()) {
        return groups
            .get(groupId)
            .map(ScimGroup::getMembers)
            .map(members -> members.stream().anyMatch(m -> userId.equals(m.getValue())))
            .orElse(false);
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
