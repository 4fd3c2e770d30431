package org.scimsync.engine.target.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.patch.PatchOperationPath;
import org.apache.directory.scim.spec.resources.GroupMembership;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.jspecify.annotations.Nullable;
import org.scimsync.client.GroupCreation;
import org.scimsync.client.RateLimits;
import org.scimsync.client.RefusedMember;
import org.scimsync.client.RequestListener;
import org.scimsync.client.ScimClient;
import org.scimsync.client.ScimConcurrentModificationException;
import org.scimsync.client.ScimConflictException;
import org.scimsync.client.ScimException;
import org.scimsync.client.ScimNotFoundException;
import org.scimsync.client.ScimUnauthorizedException;
import org.scimsync.client.TargetProfile;
import org.scimsync.engine.target.AttributeChange;
import org.scimsync.engine.target.DisplayNames;
import org.scimsync.engine.target.MemberRefusal;
import org.scimsync.engine.target.MembersRefusedException;
import org.scimsync.engine.target.ResponseWatcher;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetException;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetPacing;
import org.scimsync.engine.target.TargetTraits;
import org.scimsync.engine.target.TargetUser;

/**
 * The {@link ScimTarget} port over the SCIM client: converts between the engine's JSON resources
 * and SCIMple's model with the client's mapper, builds PATCH operations from attribute changes, and
 * turns the client's failures into {@link TargetException}s. Retries, rate limits, paging and
 * membership batching are the client's.
 */
public final class ScimClientTarget implements ScimTarget {

  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final List<String> NOT_KEPT = List.of("meta", "schemas");

  /** Names the target what was learned of, in {@link #learned()}: another target learns anew. */
  static final String TARGET_KEY = "target";

  private final ScimClient client;
  private final ObjectMapper mapper;

  public ScimClientTarget(ScimClient client) {
    this.client = Objects.requireNonNull(client, "client");
    this.mapper = client.objectMapper();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Pages are fetched as the stream is consumed and parsed once, straight into the JSON trees
   * the planner compares; {@code meta} and {@code schemas}, which it never compares, are dropped to
   * keep a full listing small.
   */
  @Override
  public Stream<TargetUser> users() {
    return translated(call(client::listUsersAsTrees))
        .map(
            resource -> {
              String id = listedText(resource, "id", "ListUsers");
              String userName = listedText(resource, "userName", "ListUsers");
              return new TargetUser(id, text(resource, "externalId"), userName, resource);
            });
  }

  /** {@inheritDoc} As for {@link #users()}: lazily, as trees, without meta and schemas. */
  @Override
  public Stream<TargetGroup> groups() {
    return translated(call(client::listGroupsAsTrees))
        .map(
            resource -> {
              String id = listedText(resource, "id", "ListGroups");
              String name = listedText(resource, "displayName", "ListGroups");
              return new TargetGroup(id, text(resource, "externalId"), name, resource);
            });
  }

  /** {@inheritDoc} Nothing is sent for a blank externalId, which no object has. */
  @Override
  public Optional<TargetUser> findUserByExternalId(String externalId) {
    if (externalId.isBlank()) {
      return Optional.empty();
    }
    return call(() -> client.findUserByExternalId(externalId)).map(this::toUser);
  }

  /** {@inheritDoc} Nothing is sent for a blank userName, which no user has. */
  @Override
  public Optional<TargetUser> findUserByUserName(String userName) {
    if (userName.isBlank()) {
      return Optional.empty();
    }
    return call(() -> client.findUserByUserName(userName)).map(this::toUser);
  }

  /** {@inheritDoc} Nothing is sent for a blank externalId, which no object has. */
  @Override
  public Optional<TargetGroup> findGroupByExternalId(String externalId) {
    if (externalId.isBlank()) {
      return Optional.empty();
    }
    return call(() -> client.findGroupByExternalId(externalId)).map(this::toGroup);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A name that a {@code displayName eq} filter may not carry ({@link DisplayNames#filterable}:
   * AWS refuses non-ASCII ones with 400) is found in the listing of groups instead; nothing is sent
   * for a blank name.
   */
  @Override
  public Optional<TargetGroup> findGroupByDisplayName(String displayName) {
    if (displayName.isBlank()) {
      return Optional.empty();
    }
    if (!DisplayNames.filterable(displayName)) {
      return Optional.ofNullable(
          DisplayNames.matching(groups(), List.of(displayName)).get(displayName));
    }
    return call(() -> client.findGroupByDisplayName(displayName)).map(this::toGroup);
  }

  @Override
  public TargetUser createUser(ObjectNode resource, String externalId) {
    ScimUser user = convert(withSchemas(resource, externalId, USER_SCHEMA), ScimUser.class);
    return toUser(call(() -> client.createUser(user)));
  }

  @Override
  public TargetGroup createGroup(ObjectNode resource, String externalId, List<String> memberIds) {
    ScimGroup group = convert(withSchemas(resource, externalId, GROUP_SCHEMA), ScimGroup.class);
    if (!memberIds.isEmpty()) {
      List<GroupMembership> members = new ArrayList<>(memberIds.size());
      memberIds.forEach(id -> members.add(new GroupMembership().setValue(id)));
      group.setMembers(members);
    }
    GroupCreation creation = call(() -> client.createGroupWithMembers(group));
    TargetGroup created = toGroup(creation.group());
    refused(creation.refused(), created);
    return created;
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
    refused(call(() -> client.patchGroupMembers(groupId, List.copyOf(userIds), List.of())), null);
  }

  @Override
  public void removeMembers(String groupId, Collection<String> userIds) {
    refused(call(() -> client.patchGroupMembers(groupId, List.of(), List.copyOf(userIds))), null);
  }

  @Override
  public void updateMembers(
      String groupId, Collection<String> addUserIds, Collection<String> removeUserIds) {
    refused(
        call(
            () ->
                client.patchGroupMembers(
                    groupId, List.copyOf(addUserIds), List.copyOf(removeUserIds))),
        null);
  }

  /** Throws for refused members, each named as the target knows it. */
  private void refused(List<RefusedMember> refused, @Nullable TargetGroup created) {
    if (refused.isEmpty()) {
      return;
    }
    List<MemberRefusal> refusals = new ArrayList<>(refused.size());
    for (RefusedMember member : refused) {
      ScimException e = member.refusal();
      refusals.add(
          new MemberRefusal(
              member.userId(),
              userName(member.userId()),
              member.added(),
              e.status() > 0 ? e.status() : null,
              e.detail() != null ? e.detail() : e.getMessage()));
    }
    throw new MembersRefusedException(refusals, created);
  }

  private @Nullable String userName(String userId) {
    try {
      return client.getUser(userId).map(ScimUser::getUserName).orElse(null);
    } catch (ScimException e) {
      return null; // the refusal is reported by id
    }
  }

  @Override
  public void adapt(Map<String, String> learnedBefore) {
    if (client.profile() != TargetProfile.GENERIC) {
      return; // AWS is known, not learned: no request
    }
    Map<String, String> remembered = new HashMap<>(learnedBefore);
    String target = remembered.remove(TARGET_KEY);
    client.rememberCapabilities(
        client.toString().equals(target) || target == null ? remembered : Map.of());
    run(client::discoverCapabilities);
  }

  @Override
  public Map<String, String> learned() {
    Map<String, String> learned = new HashMap<>(client.learnedCapabilities());
    if (!learned.isEmpty()) {
      learned.put(TARGET_KEY, client.toString());
    }
    return learned;
  }

  @Override
  public TargetTraits traits() {
    return new TargetTraits(
        client.attributesNotKept(false),
        client.attributesNotKept(true),
        client.membershipsDroppedWithUser());
  }

  @Override
  public void deleteUser(String id) {
    run(() -> client.deleteUser(id));
  }

  @Override
  public void deleteGroup(String id) {
    run(() -> client.deleteGroup(id));
  }

  /**
   * {@inheritDoc}
   *
   * @throws TargetException of kind {@link TargetException.Kind#BAD_REQUEST} for a blank id,
   *     without sending the filter (AWS answers an empty member id with 400)
   */
  @Override
  public Set<String> groupIdsOfUser(String userId) {
    if (userId.isBlank()) {
      throw new TargetException(
          TargetException.Kind.BAD_REQUEST,
          null,
          "the groups of a user with an empty id cannot be asked for (an empty member id in a"
              + " filter is refused); not sent");
    }
    Set<String> ids = new LinkedHashSet<>();
    call(() -> client.groupsOfUser(userId)).forEach(g -> ids.add(g.getId()));
    return ids;
  }

  @Override
  public boolean membersReadable() {
    return client.profile().membersReadable();
  }

  /** {@inheritDoc} The client's write rate (per API) and its cap on requests in flight. */
  @Override
  public TargetPacing pacing() {
    RateLimits rates = client.rateLimits();
    return new TargetPacing(
        rates.limitsWrites() ? rates.writesPerSecond() : 0, client.maxConcurrency());
  }

  @Override
  public ResponseWatcher.Subscription watchResponses(ResponseWatcher watcher) {
    RequestListener listener = (api, status, elapsed) -> watcher.onResponse(status, elapsed);
    client.addRequestListener(listener);
    return () -> client.removeRequestListener(listener);
  }

  private TargetUser toUser(ScimUser user) {
    ObjectNode resource = mapper.valueToTree(user);
    return new TargetUser(user.getId(), user.getExternalId(), user.getUserName(), resource);
  }

  private TargetGroup toGroup(ScimGroup group) {
    ObjectNode resource = mapper.valueToTree(group);
    return new TargetGroup(group.getId(), group.getExternalId(), group.getDisplayName(), resource);
  }

  private static ObjectNode withSchemas(ObjectNode resource, String externalId, String core) {
    ObjectNode copy = resource.deepCopy();
    copy.put("externalId", externalId);
    ArrayNode schemas = copy.putArray("schemas").add(core);
    resource
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (name.startsWith("urn:")) {
                schemas.add(name);
              }
            });
    return copy;
  }

  private <T> T convert(ObjectNode resource, Class<T> type) {
    try {
      return mapper.treeToValue(resource, type);
    } catch (JsonProcessingException e) {
      throw new TargetException(
          TargetException.Kind.BAD_REQUEST,
          null,
          "the resource cannot be sent as a "
              + type.getSimpleName()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  private List<PatchOperation> operations(List<AttributeChange> changes) {
    List<PatchOperation> ops = new ArrayList<>(changes.size());
    for (AttributeChange change : changes) {
      PatchOperation op = new PatchOperation();
      op.setOperation(PatchOperation.Type.valueOf(change.op().name()));
      try {
        op.setPath(PatchOperationPath.fromString(change.scimPath()));
      } catch (FilterParseException e) {
        throw new TargetException(
            TargetException.Kind.BAD_REQUEST, null, "invalid path " + change.scimPath(), e);
      }
      JsonNode value = change.value();
      if (value != null) {
        op.setValue(plain(value));
      }
      ops.add(op);
    }
    return ops;
  }

  private Object plain(JsonNode value) {
    try {
      return mapper.treeToValue(value, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree is always convertible", e);
    }
  }

  /** The stream, with the client's failures (thrown as pages are fetched) translated. */
  private static <T> Stream<T> translated(Stream<T> stream) {
    Iterator<T> items = stream.iterator();
    Iterator<T> safe =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return call(items::hasNext);
          }

          @Override
          public T next() {
            return call(items::next);
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(safe, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(stream::close);
  }

  /** Drops what a listed resource carries that is never compared, and reads a required field. */
  private static String listedText(ObjectNode resource, String field, String api) {
    resource.remove(NOT_KEPT);
    String value = text(resource, field);
    if (value == null) {
      throw new TargetException(
          TargetException.Kind.UNAVAILABLE,
          null,
          api
              + " answered a resource without "
              + field
              + (field.equals("id") ? "" : ": id=" + text(resource, "id")));
    }
    return value;
  }

  private static @Nullable String text(ObjectNode resource, String field) {
    JsonNode value = resource.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  private static void run(Runnable call) {
    call(
        () -> {
          call.run();
          return null;
        });
  }

  private static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (ScimException e) {
      throw translate(e);
    }
  }

  /**
   * The engine's class of a client failure. Only a duplicate on create ({@link
   * ScimConflictException}) is a {@code CONFLICT}, which the engine resolves by adoption; a 409 on
   * PATCH or DELETE ({@link ScimConcurrentModificationException}) fails the one change. Every
   * refusal of access stops the run: 401, 403, 407, and a 404 on a collection ({@link
   * org.scimsync.client.ScimTargetNotFoundException}, a wrong tenant id), all of kind {@code
   * AUTH_REFUSED}; only a 404 on one resource is {@code NOT_FOUND}.
   */
  static TargetException translate(ScimException e) {
    TargetException.Kind kind;
    if (e instanceof ScimConcurrentModificationException) {
      kind = TargetException.Kind.BAD_REQUEST;
    } else if (e.kind() == ScimException.Kind.AUTH_REFUSED
        || e instanceof ScimUnauthorizedException) {
      kind = TargetException.Kind.UNAUTHORIZED;
    } else if (e instanceof ScimConflictException) {
      kind = TargetException.Kind.CONFLICT;
    } else if (e instanceof ScimNotFoundException) {
      kind = TargetException.Kind.NOT_FOUND;
    } else if (e.kind() == ScimException.Kind.TARGET_UNAVAILABLE) {
      kind = TargetException.Kind.UNAVAILABLE;
    } else {
      kind = TargetException.Kind.BAD_REQUEST;
    }
    Integer status = e.status() > 0 ? e.status() : null;
    return new TargetException(kind, status, e.getMessage(), e.detail(), e);
  }
}
