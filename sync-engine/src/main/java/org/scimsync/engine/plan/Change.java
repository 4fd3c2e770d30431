package org.scimsync.engine.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.target.AttributeChange;

/**
 * One change the engine will make in the target, with a reason a person can read. Changes are data:
 * they serialise to JSON (the {@code op} property names the kind) for saved plans.
 *
 * <p>Updates and adoptions carry the whole desired {@code resource} besides the attribute changes:
 * once applied, the state store records it as the resource last pushed, which the next incremental
 * run diffs against instead of reading the target. It is null only in plans saved by a version that
 * did not carry it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Change.CreateUser.class, name = "CREATE_USER"),
  @JsonSubTypes.Type(value = Change.UpdateUser.class, name = "UPDATE_USER"),
  @JsonSubTypes.Type(value = Change.AdoptUser.class, name = "ADOPT_USER"),
  @JsonSubTypes.Type(value = Change.DisableUser.class, name = "DISABLE_USER"),
  @JsonSubTypes.Type(value = Change.DeleteUser.class, name = "DELETE_USER"),
  @JsonSubTypes.Type(value = Change.CreateGroup.class, name = "CREATE_GROUP"),
  @JsonSubTypes.Type(value = Change.UpdateGroup.class, name = "UPDATE_GROUP"),
  @JsonSubTypes.Type(value = Change.AdoptGroup.class, name = "ADOPT_GROUP"),
  @JsonSubTypes.Type(value = Change.UpdateMembers.class, name = "UPDATE_MEMBERS"),
  @JsonSubTypes.Type(value = Change.DeleteGroup.class, name = "DELETE_GROUP")
})
public sealed interface Change {

  /** The source key of the object (of the group, for membership changes). */
  String sourceKey();

  /** What a person recognises: userName or displayName. */
  String label();

  /** Why the change is needed. */
  String reason();

  /** The journal name of the change, e.g. {@code CREATE_USER}. */
  @JsonIgnore
  String changeName();

  /** Whether the object is a user or a group. */
  @JsonIgnore
  ObjectKind objectKind();

  /** A delete or a disable: held back by the deletion guard. */
  @JsonIgnore
  default boolean destructive() {
    return false;
  }

  /** Creates a user that the target does not have. */
  record CreateUser(
      String sourceKey, String label, ObjectNode resource, String contentHash, String reason)
      implements Change {
    public CreateUser {
      Checks.notNull(sourceKey, label, resource, contentHash, reason);
    }

    @Override
    public String changeName() {
      return "CREATE_USER";
    }

    @Override
    public ObjectKind objectKind() {
      return ObjectKind.USER;
    }
  }

  /** Patches a linked user whose attributes differ from the desired ones. */
  record UpdateUser(
      String sourceKey,
      String targetId,
      String label,
      List<AttributeChange> changes,
      String contentHash,
      String reason,
      @Nullable ObjectNode resource)
      implements Change {
    public UpdateUser {
      Checks.notNull(sourceKey, targetId, label, contentHash, reason);
      changes = List.copyOf(changes);
    }

    @Override
    public String changeName() {
      return "UPDATE_USER";
    }

    @Override
    public ObjectKind objectKind() {
      return ObjectKind.USER;
    }
  }

  /**
   * Links an existing, unlinked target user matched by externalId or userName, setting its
   * externalId and patching what differs.
   */
  record AdoptUser(
      String sourceKey,
      String targetId,
      String label,
      List<AttributeChange> changes,
      String contentHash,
      String reason,
      @Nullable ObjectNode resource)
      implements Change {
    public AdoptUser {
      Checks.notNull(sourceKey, targetId, label, contentHash, reason);
      changes = List.copyOf(changes);
    }

    @Override
    public String changeName() {
      return "ADOPT_USER";
    }

    @Override
    public ObjectKind objectKind() {
      return ObjectKind.USER;
    }
  }

  /** Sets {@code active: false} on a managed user that left the source or the scope. */
  record DisableUser(String sourceKey, String targetId, String label, String reason)
      implements Change {
    public DisableUser {
      Checks.notNull(sourceKey, targetId, label, reason);
    }

    @Override
    public String changeName() {
      return "DISABLE_USER";
    }

    @Override
    public ObjectKind objectKind() {
      return ObjectKind.USER;
    }

    @Override
    public boolean destructive() {
      return true;
    }
  }

  /** Deletes a managed user that left the source or the scope. */
  record DeleteUser(String sourceKey, String targetId, String label, String reason)
      implements Change {
    public DeleteUser {
      Checks.notNull(sourceKey, targetId, label, reason);
    }

    @Override
    public String changeName() {
      return "DELETE_USER";
    }

    @Override
    public ObjectKind objectKind() {
      return ObjectKind.USER;
    }

    @Override
    public boolean destructive() {
      return true;
    }
  }

  /** Creates a group with its initial members (source keys of users). */
  record CreateGroup(
      String sourceKey,
      String label,
      ObjectNode resource,
      List<String> memberKeys,
      String contentHash,
      String reason)
      implements Change {
    public CreateGroup {
      Checks.notNull(sourceKey, label, resource, contentHash, reason);
      memberKeys = List.copyOf(memberKeys);
    }

    @Override
    public String changeName() {
      return "CREATE_GROUP";
    }

    @Override
    public ObjectKind objectKind() {
      return ObjectKind.GROUP;
    }
  }

  /** Patches a linked group in place (a rename keeps the id). */
  record UpdateGroup(
      String sourceKey,
      String targetId,
      String label,
      List<AttributeChange> changes,
      String contentHash,
      String reason,
      @Nullable ObjectNode resource)
      implements Change {
    public UpdateGroup {
      Checks.notNull(sourceKey, targetId, label, contentHash, reason);
      changes = List.copyOf(changes);
    }

    @Override
    public String changeName() {
      return "UPDATE_GROUP";
    }

    @Override
    public ObjectKind objectKind() {
      return ObjectKind.GROUP;
    }
  }

  /** Links an existing, unlinked target group matched by externalId or displayName. */
  record AdoptGroup(
      String sourceKey,
      String targetId,
      String label,
      List<AttributeChange> changes,
      String contentHash,
      String reason,
      @Nullable ObjectNode resource)
      implements Change {
    public AdoptGroup {
      Checks.notNull(sourceKey, targetId, label, contentHash, reason);
      changes = List.copyOf(changes);
    }

    @Override
    public String changeName() {
      return "ADOPT_GROUP";
    }

    @Override
    public ObjectKind objectKind() {
      return ObjectKind.GROUP;
    }
  }

  /**
   * Adds and removes members of a group (source keys of users).
   *
   * @param targetId the group's id, null when the group is adopted or created in the same run
   */
  record UpdateMembers(
      String sourceKey,
      @Nullable String targetId,
      String label,
      List<String> addKeys,
      List<String> removeKeys,
      String reason)
      implements Change {
    public UpdateMembers {
      Checks.notNull(sourceKey, label, reason);
      addKeys = List.copyOf(addKeys);
      removeKeys = List.copyOf(removeKeys);
    }

    @Override
    public String changeName() {
      return "UPDATE_MEMBERS";
    }

    @Override
    public ObjectKind objectKind() {
      return ObjectKind.GROUP;
    }
  }

  /** Deletes a managed group that left the source or the scope. */
  record DeleteGroup(String sourceKey, String targetId, String label, String reason)
      implements Change {
    public DeleteGroup {
      Checks.notNull(sourceKey, targetId, label, reason);
    }

    @Override
    public String changeName() {
      return "DELETE_GROUP";
    }

    @Override
    public ObjectKind objectKind() {
      return ObjectKind.GROUP;
    }

    @Override
    public boolean destructive() {
      return true;
    }
  }

  /** Null checks shared by the change records. */
  final class Checks {
    private Checks() {}

    static void notNull(Object... values) {
      for (Object value : values) {
        Objects.requireNonNull(value, "a change field is null");
      }
    }
  }
}
