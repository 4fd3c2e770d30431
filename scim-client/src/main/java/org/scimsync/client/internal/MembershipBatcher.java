package org.scimsync.client.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.patch.PatchOperationPath;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.jspecify.annotations.Nullable;
import org.scimsync.client.ScimFilter;
import org.scimsync.client.ScimUnsupportedException;

/**
 * Turns membership changes and group PATCH operations into requests that respect a target's limits:
 * at most {@code limit} membership changes per request (one member added or removed is one change),
 * operations kept in order, other attributes sent with the first request; and refuses what AWS
 * rejects ({@code replace} on members, removing all members at once) before anything is sent.
 */
final class MembershipBatcher {

  private static final String MEMBERS = "members";

  private MembershipBatcher() {}

  /**
   * The operations for adding and removing members: one {@code add} on {@code members} with a value
   * list, and either one {@code remove} on {@code members} with a value list (AWS) or one {@code
   * remove} per member with a {@code members[value eq "id"]} path (RFC 7644).
   *
   * @param add user ids to add
   * @param remove user ids to remove
   * @param removeByValueList the removal style
   * @return the operations, not yet split
   * @throws IllegalArgumentException if an id is both added and removed
   */
  public static List<PatchOperation> memberOperations(
      Collection<String> add, Collection<String> remove, boolean removeByValueList) {
    Set<String> adds = new LinkedHashSet<>(add);
    Set<String> removes = new LinkedHashSet<>(remove);
    for (String id : adds) {
      if (removes.contains(id)) {
        throw new IllegalArgumentException("user " + id + " is both added to and removed from");
      }
    }
    List<PatchOperation> ops = new ArrayList<>();
    if (!adds.isEmpty()) {
      ops.add(operation(PatchOperation.Type.ADD, MEMBERS, valueList(adds)));
    }
    if (!removes.isEmpty()) {
      if (removeByValueList) {
        ops.add(operation(PatchOperation.Type.REMOVE, MEMBERS, valueList(removes)));
      } else {
        for (String id : removes) {
          String path = MEMBERS + "[value eq " + ScimFilter.quote(id) + "]";
          ops.add(operation(PatchOperation.Type.REMOVE, path, null));
        }
      }
    }
    return ops;
  }

  /**
   * Refuses operations AWS answers 400 to: {@code replace} on {@code members} (with a path, or
   * without a path and a value holding members) and a {@code remove} of all members.
   *
   * @param api the operation name for the exception
   * @param ops the operations to check
   * @throws ScimUnsupportedException naming the offending operation
   */
  public static void refuseMemberReplace(String api, List<PatchOperation> ops) {
    for (PatchOperation op : ops) {
      if (op.getOperation() == PatchOperation.Type.REPLACE
          && (isMembers(op) || (op.getPath() == null && valueHoldsMembers(op.getValue())))) {
        throw new ScimUnsupportedException(
            api,
            -1,
            "replace on members is not supported by this target; send add and remove operations",
            null,
            null);
      }
      if (op.getOperation() == PatchOperation.Type.REMOVE
          && isMembers(op)
          && op.getPath().getValuePathExpression().getAttributeExpression() == null
          && op.getValue() == null) {
        throw new ScimUnsupportedException(
            api,
            -1,
            "removing all members at once is not supported by this target; list the members",
            null,
            null);
      }
    }
  }

  /**
   * Splits operations into requests of at most {@code limit} membership changes each. A member
   * operation with a value list larger than the room left is split into several operations.
   *
   * @param ops the operations in order
   * @param limit the most membership changes per request
   * @return the requests' operations, in order; empty for no operations
   */
  public static List<List<PatchOperation>> split(List<PatchOperation> ops, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    List<List<PatchOperation>> requests = new ArrayList<>();
    List<PatchOperation> current = new ArrayList<>();
    int changes = 0;
    for (PatchOperation op : ops) {
      if (!isMembers(op)) {
        current.add(op);
        continue;
      }
      if (!(op.getValue() instanceof Collection<?> values)) {
        if (changes + 1 > limit) {
          requests.add(current);
          current = new ArrayList<>();
          changes = 0;
        }
        current.add(op);
        changes++;
        continue;
      }
      List<?> remaining = List.copyOf(values);
      while (!remaining.isEmpty()) {
        if (changes == limit) {
          requests.add(current);
          current = new ArrayList<>();
          changes = 0;
        }
        int take = Math.min(limit - changes, remaining.size());
        current.add(
            new PatchOperation()
                .setOperation(op.getOperation())
                .setPath(op.getPath())
                .setValue(List.copyOf(remaining.subList(0, take))));
        changes += take;
        remaining = remaining.subList(take, remaining.size());
      }
    }
    if (!current.isEmpty()) {
      requests.add(current);
    }
    return requests;
  }

  /**
   * Counts the membership changes of a request.
   *
   * @param ops the operations of one request
   * @return members added plus members removed
   */
  public static int membershipChanges(List<PatchOperation> ops) {
    int count = 0;
    for (PatchOperation op : ops) {
      if (isMembers(op)) {
        count += op.getValue() instanceof Collection<?> values ? values.size() : 1;
      }
    }
    return count;
  }

  private static boolean isMembers(PatchOperation op) {
    PatchOperationPath path = op.getPath();
    return path != null
        && path.getValuePathExpression() != null
        && path.getValuePathExpression().getAttributePath() != null
        && MEMBERS.equalsIgnoreCase(
            path.getValuePathExpression().getAttributePath().getAttributeName());
  }

  private static boolean valueHoldsMembers(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.keySet().stream().anyMatch(key -> MEMBERS.equalsIgnoreCase(String.valueOf(key)));
    }
    if (value instanceof ScimGroup group) {
      return group.getMembers() != null;
    }
    return false;
  }

  private static List<Map<String, String>> valueList(Collection<String> ids) {
    return ids.stream().map(id -> Map.of("value", id)).toList();
  }

  private static PatchOperation operation(
      PatchOperation.Type type, String path, @Nullable Object value) {
    try {
      return new PatchOperation()
          .setOperation(type)
          .setPath(PatchOperationPath.fromString(path))
          .setValue(value);
    } catch (FilterParseException e) {
      throw new IllegalArgumentException("cannot build the PATCH path " + path, e);
    }
  }
}
