package org.scimsync.client;

import java.util.List;
import java.util.Objects;
import org.apache.directory.scim.spec.resources.ScimGroup;

/**
 * A group created with its members, and the members the target refused (the group and the other
 * members are in the target all the same).
 *
 * @param group the group as the target answered its creation
 * @param refused members the target refused, each isolated
 */
public record GroupCreation(ScimGroup group, List<RefusedMember> refused) {

  public GroupCreation {
    Objects.requireNonNull(group, "group");
    refused = List.copyOf(refused);
  }
}
