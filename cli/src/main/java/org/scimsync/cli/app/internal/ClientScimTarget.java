package org.scimsync.cli.app.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.patch.PatchOperationPath;
import org.apache.directory.scim.spec.resources.GroupMembership;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.scimsync.client.ScimClient;
import org.scimsync.client.ScimConflictException;
import org.scimsync.client.ScimException;
import org.scimsync.client.ScimNotFoundException;
import org.scimsync.engine.target.AttributeChange;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetException;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;

/**
 * The engine's {@link ScimTarget} port on top of the {@link ScimClient}: converts between the
 * engine's JSON resources and SCIMple's model, and translates client failures into {@link
 * TargetException} kinds. Retries and rate limits happen inside the client.
 */
public final class ClientScimTarget implements ScimTarget {

  static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String ENTERPRISE_SCHEMA =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private final ScimClient client;
  private final ObjectMapper mapper;

  public ClientScimTarget(ScimClient client) {
    this.client = Objects.requireNonNull(client, "client");
    this.mapper = client.objectMapper();
  }

  @Override
  public Stream<TargetUser> users() {
    return translated(() -> client.listUsers()).map(this::user);
  }

  @Override
  public Stream<TargetGroup> groups() {
    return translated(() -> client.listGroups()).map(this::group);
  }

  @Override
  public Optional<TargetUser> findUserByExternalId(String externalId) {
    return call(() -> client.findUserByExternalId(externalId)).map(this::user);
  }

  @Override
  public Optional<TargetUser> findUserByUserName(String userName) {
    return call(() -> client.findUserByUserName(userName)).map(this::user);
  }

  @Override
  public Optional<TargetGroup> findGroupByExternalId(String externalId) {
    return call(() -> client.findGroupByExternalId(externalId)).map(this::group);
  }

  @Override
  public Optional<TargetGroup> findGroupByDisplayName(String displayName) {
    return call(() -> client.findGroupByDisplayName(displayName)).map(this::group);
  }

  @Override
  public TargetUser createUser(ObjectNode resource, String externalId) {
    ObjectNode body = resource.deepCopy();
    body.put("externalId", externalId);
    ArrayNode schemas = body.putArray("schemas").add(USER_SCHEMA);
    if (body.has(ENTERPRISE_SCHEMA)) {
      schemas.add(ENTERPRISE_SCHEMA);
    }
    ScimUser user = convert(body, ScimUser.class);
    return user(call(() -> client.createUser(user)));
  }

  @Override
  public TargetGroup createGroup(ObjectNode resource, String externalId, List<String> memberIds) {
    ObjectNode body = resource.deepCopy();
    body.put("externalId", externalId);
    body.putArray("schemas").add(GROUP_SCHEMA);
    ScimGroup group = convert(body, ScimGroup.class);
    if (!memberIds.isEmpty()) {
      List<GroupMembership> members = new ArrayList<>();
      memberIds.forEach(id -> members.add(new GroupMembership().setValue(id)));
      group.setMembers(members);
    }
    return group(call(() -> client.createGroup(group)));
  }

  @Override
  public void patchUser(String id, List<AttributeChange> changes) {
    List<PatchOperation> ops = operations(changes);
    run(() -> client.patchUser(id, ops));
  }

  @Override
  public void patchGroup(String id, List<AttributeChange> changes) {
    List<PatchOperation> ops = operations(changes);
    run(() -> client.patchGroup(id, ops));
  }

  @Override
  public void addMembers(String groupId, Collection<String> userIds) {
    run(() -> client.patchGroupMembers(groupId, userIds, List.of()));
  }

  @Override
  public void removeMembers(String groupId, Collection<String> userIds) {
    run(() -> client.patchGroupMembers(groupId, List.of(), userIds));
  }

  @Override
  public void deleteUser(String id) {
    run(() -> client.deleteUser(id));
  }

  @Override
  public void deleteGroup(String id) {
    run(() -> client.deleteGroup(id));
  }

  @Override
  public Set<String> groupIdsOfUser(String userId) {
    return call(() -> client.groupsOfUser(userId)).stream()
        .map(ScimGroup::getId)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public boolean membersReadable() {
    return client.profile().membersReadable();
  }

  private TargetUser user(ScimUser user) {
    ObjectNode resource = mapper.valueToTree(user);
    return new TargetUser(user.getId(), user.getExternalId(), user.getUserName(), resource);
  }

  private TargetGroup group(ScimGroup group) {
    ObjectNode resource = mapper.valueToTree(group);
    return new TargetGroup(group.getId(), group.getExternalId(), group.getDisplayName(), resource);
  }

  private List<PatchOperation> operations(List<AttributeChange> changes) {
    List<PatchOperation> ops = new ArrayList<>(changes.size());
    for (AttributeChange change : changes) {
      PatchOperation op = new PatchOperation().setOperation(type(change.op()));
      try {
        op.setPath(PatchOperationPath.fromString(change.scimPath()));
      } catch (FilterParseException e) {
        throw new TargetException(
            TargetException.Kind.BAD_REQUEST, null, "invalid PATCH path " + change.scimPath(), e);
      }
      if (change.value() != null) {
        op.setValue(plain(change.value()));
      }
      ops.add(op);
    }
    return ops;
  }

  private static PatchOperation.Type type(AttributeChange.Op op) {
    return switch (op) {
      case ADD -> PatchOperation.Type.ADD;
      case REPLACE -> PatchOperation.Type.REPLACE;
      case REMOVE -> PatchOperation.Type.REMOVE;
    };
  }

  private Object plain(JsonNode value) {
    try {
      return mapper.treeToValue(value, Object.class);
    } catch (JsonProcessingException e) {
      throw new TargetException(
          TargetException.Kind.BAD_REQUEST, null, "value cannot be sent: " + e.getMessage(), e);
    }
  }

  private <T> T convert(ObjectNode body, Class<T> type) {
    try {
      return mapper.treeToValue(body, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new TargetException(
          TargetException.Kind.BAD_REQUEST,
          null,
          "the mapped resource is not a valid SCIM " + type.getSimpleName(),
          e);
    }
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ScimException e) {
      throw translate(e);
    }
  }

  private static void run(Runnable request) {
    call(
        () -> {
          request.run();
          return null;
        });
  }

  /** A stream whose pages are fetched lazily, with failures translated as they happen. */
  private static <T> Stream<T> translated(Supplier<Stream<T>> source) {
    Stream<T> stream = call(source);
    Spliterator<T> pages = stream.spliterator();
    Spliterator<T> checked =
        new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED) {
          @Override
          public boolean tryAdvance(Consumer<? super T> action) {
            try {
              return pages.tryAdvance(action);
            } catch (ScimException e) {
              throw translate(e);
            }
          }
        };
    return StreamSupport.stream(checked, false).onClose(stream::close);
  }

  static TargetException translate(ScimException e) {
    Integer status = e.status() < 0 ? null : e.status();
    TargetException.Kind kind;
    if (e instanceof ScimConflictException) {
      kind = TargetException.Kind.CONFLICT;
    } else if (e instanceof ScimNotFoundException) {
      kind = TargetException.Kind.NOT_FOUND;
    } else {
      kind =
          switch (e.kind()) {
            case AUTH_REFUSED -> TargetException.Kind.UNAUTHORIZED;
            case TARGET_UNAVAILABLE -> TargetException.Kind.UNAVAILABLE;
            case CHANGE_REJECTED, UNSUPPORTED -> TargetException.Kind.BAD_REQUEST;
          };
    }
    return new TargetException(kind, status, e.getMessage(), e);
  }
}
