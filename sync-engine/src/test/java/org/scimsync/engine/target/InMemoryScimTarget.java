package org.scimsync.engine.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory SCIM target that enforces the AWS Identity Center rules that matter to planning:
 * userName (case-insensitive), externalId and displayName are unique (409), group reads return no
 * members, membership changes are sent in batches of at most 100, {@code userName} and {@code
 * active} cannot be removed, groups patch only displayName, externalId and members. Records every
 * request, and can inject failures: lost responses after a committed create, or a "crash" after a
 * number of writes.
 */
public final class InMemoryScimTarget implements ScimTarget {

  /** The AWS limit of membership changes per request. */
  public static final int MEMBER_BATCH = 100;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Map<String, ObjectNode> users = new LinkedHashMap<>();
  private final Map<String, ObjectNode> groups = new LinkedHashMap<>();
  private final Map<String, Set<String>> members = new LinkedHashMap<>();
  private final List<String> requests = new ArrayList<>();
  private final boolean membersReadable;
  private int nextId = 1;
  private int writes;
  private int writesBeforeCrash = -1;
  private TargetException.Kind crashKind = TargetException.Kind.UNAVAILABLE;
  private int lostCreateResponses;
  private int writesBeforeKill = -1;
  private int refusalStatus;
  private String refusalDetail = "";
  private int refusals;
  private final Set<String> refusedMembers = new java.util.HashSet<>();

  private InMemoryScimTarget(boolean membersReadable) {
    this.membersReadable = membersReadable;
  }

  /** A target that behaves like AWS Identity Center. */
  public static InMemoryScimTarget aws() {
    return new InMemoryScimTarget(false);
  }

  /** A target that returns group members (plain RFC 7644). */
  public static InMemoryScimTarget generic() {
    return new InMemoryScimTarget(true);
  }

  // ---- fault injection and inspection -------------------------------------------------------

  /** After {@code count} more successful writes, every write fails with {@code kind}. */
  public synchronized void failWritesAfter(int count, TargetException.Kind kind) {
    this.writesBeforeCrash = count;
    this.crashKind = kind;
  }

  /** Lets writes succeed again. */
  public synchronized void heal() {
    this.writesBeforeCrash = -1;
    this.writesBeforeKill = -1;
    this.refusalStatus = 0;
  }

  /**
   * Refuses this user as a member of any group (400), as a target does with a member it does not
   * accept; the other members of the same request are applied.
   */
  public synchronized void refuseMember(String userId) {
    refusedMembers.add(userId);
  }

  /**
   * Refuses every write with this status and the server's words, until {@link #heal()}; {@code {n}}
   * in the words becomes the refusal's number, as a request id would differ.
   */
  public synchronized void refuseWrites(int status, String detail) {
    this.refusalStatus = status;
    this.refusalDetail = detail;
  }

  /**
   * Simulates the process being killed: the {@code count}-th write from now is committed and then a
   * {@link SimulatedKill} error escapes, so the engine never records that change's end.
   */
  public synchronized void killAfterWrites(int count) {
    this.writesBeforeKill = count;
  }

  /** Thrown to simulate a process that died while a request was in flight. */
  public static final class SimulatedKill extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedKill() {
      super("process killed");
    }
  }

  private void killPoint() {
    if (writesBeforeKill == 0) {
      writesBeforeKill = -1;
      throw new SimulatedKill();
    }
  }

  /**
   * The next {@code count} creates commit, but answer 409 as a client's retry of a request whose
   * first response was lost (a 500 after commit) would.
   */
  public synchronized void loseCreateResponses(int count) {
    this.lostCreateResponses = count;
  }

  /** Every request, e.g. {@code POST /Users}, {@code PATCH /Groups/g-3}, in order. */
  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  /** How many write requests (POST, PATCH, DELETE) were made. */
  public synchronized long writeCount() {
    return requests.stream().filter(r -> !r.startsWith("GET")).count();
  }

  /** Forgets the recorded requests. */
  public synchronized void clearRequests() {
    requests.clear();
  }

  /** Adds a user directly, as a console or another tool would; returns its id. */
  public synchronized String seedUser(String userName, @Nullable String externalId) {
    ObjectNode resource = JSON.objectNode();
    resource.put("userName", userName);
    resource.put("displayName", userName);
    return insertUser(resource, externalId);
  }

  /** Adds a group directly; returns its id. */
  public synchronized String seedGroup(String displayName, @Nullable String externalId) {
    ObjectNode resource = JSON.objectNode();
    resource.put("displayName", displayName);
    return insertGroup(resource, externalId);
  }

  /** The stored user resource, or null. */
  public synchronized @Nullable ObjectNode user(String id) {
    ObjectNode user = users.get(id);
    return user == null ? null : user.deepCopy();
  }

  /** The stored group resource, or null. */
  public synchronized @Nullable ObjectNode group(String id) {
    ObjectNode group = groups.get(id);
    return group == null ? null : group.deepCopy();
  }

  /** The real members of a group (user ids). */
  public synchronized Set<String> membersOf(String groupId) {
    return Set.copyOf(members.getOrDefault(groupId, Set.of()));
  }

  /** Number of users held. */
  public synchronized int userCount() {
    return users.size();
  }

  /** Number of groups held. */
  public synchronized int groupCount() {
    return groups.size();
  }

  /** The id of the user with this userName, if any. */
  public synchronized Optional<String> userIdByName(String userName) {
    return findUser(u -> u.path("userName").asText().equalsIgnoreCase(userName))
        .map(TargetUser::id);
  }

  /** The id of the group with this displayName, if any. */
  public synchronized Optional<String> groupIdByName(String displayName) {
    return findGroup(g -> g.path("displayName").asText().equalsIgnoreCase(displayName))
        .map(TargetGroup::id);
  }

  // ---- ScimTarget ---------------------------------------------------------------------------

  @Override
  public synchronized Stream<TargetUser> users() {
    requests.add("GET /Users");
    return users.keySet().stream().map(this::toUser).toList().stream();
  }

  @Override
  public synchronized Stream<TargetGroup> groups() {
    requests.add("GET /Groups");
    return groups.keySet().stream().map(this::toGroup).toList().stream();
  }

  @Override
  public synchronized Optional<TargetUser> findUserByExternalId(String externalId) {
    requests.add("GET /Users?externalId");
    return findUser(u -> externalId.equals(u.path("externalId").asText(null)));
  }

  @Override
  public synchronized Optional<TargetUser> findUserByUserName(String userName) {
    requests.add("GET /Users?userName");
    return findUser(u -> u.path("userName").asText().equalsIgnoreCase(userName));
  }

  @Override
  public synchronized Optional<TargetGroup> findGroupByExternalId(String externalId) {
    requests.add("GET /Groups?externalId");
    return findGroup(g -> externalId.equals(g.path("externalId").asText(null)));
  }

  @Override
  public synchronized Optional<TargetGroup> findGroupByDisplayName(String displayName) {
    requests.add("GET /Groups?displayName");
    return findGroup(g -> g.path("displayName").asText().equalsIgnoreCase(displayName));
  }

  @Override
  public synchronized TargetUser createUser(ObjectNode resource, String externalId) {
    write("POST /Users");
    String id = insertUser(resource.deepCopy(), externalId);
    killPoint();
    if (lostCreateResponses > 0) {
      lostCreateResponses--;
      throw conflict("duplicate user (the first response was lost)");
    }
    return toUser(id);
  }

  @Override
  public synchronized TargetGroup createGroup(
      ObjectNode resource, String externalId, List<String> memberIds) {
    write("POST /Groups");
    List<String> refused = refusedOf(memberIds);
    memberIds = memberIds.stream().filter(m -> !refused.contains(m)).toList();
    checkUsersExist(memberIds);
    String id = insertGroup(resource.deepCopy(), externalId);
    List<String> inline = memberIds.subList(0, Math.min(MEMBER_BATCH, memberIds.size()));
    members.get(id).addAll(inline);
    if (memberIds.size() > MEMBER_BATCH) {
      addMembers(id, memberIds.subList(MEMBER_BATCH, memberIds.size()));
    }
    killPoint();
    if (lostCreateResponses > 0) {
      lostCreateResponses--;
      throw conflict("duplicate group (the first response was lost)");
    }
    if (!refused.isEmpty()) {
      throw membersRefused(refused, toGroup(id));
    }
    return toGroup(id);
  }

  @Override
  public synchronized void patchUser(String id, List<AttributeChange> changes) {
    write("PATCH /Users/" + id);
    ObjectNode user = require(users, id);
    ObjectNode patched = user.deepCopy();
    for (AttributeChange change : changes) {
      String first = change.path().get(0);
      if (change.op() == AttributeChange.Op.REMOVE
          && change.path().size() == 1
          && (first.equals("userName") || first.equals("active"))) {
        throw badRequest(first + " cannot be removed");
      }
      PatchPaths.apply(patched, change);
    }
    checkUserUnique(patched, id);
    users.put(id, patched);
    killPoint();
  }

  @Override
  public synchronized void patchGroup(String id, List<AttributeChange> changes) {
    write("PATCH /Groups/" + id);
    ObjectNode group = require(groups, id);
    ObjectNode patched = group.deepCopy();
    for (AttributeChange change : changes) {
      String first = change.path().get(0);
      if (!first.equals("displayName") && !first.equals("externalId")) {
        throw badRequest("groups accept only displayName, externalId and members: " + first);
      }
      PatchPaths.apply(patched, change);
    }
    checkGroupUnique(patched, id);
    groups.put(id, patched);
  }

  @Override
  public synchronized void addMembers(String groupId, Collection<String> userIds) {
    require(groups, groupId);
    List<String> refused = refusedOf(userIds);
    if (!refused.isEmpty()) {
      addMembers(groupId, userIds.stream().filter(m -> !refused.contains(m)).toList());
      throw membersRefused(refused, null);
    }
    checkUsersExist(userIds);
    for (List<String> batch : batches(userIds)) {
      write("PATCH /Groups/" + groupId + " members+" + batch.size());
      members.get(groupId).addAll(batch);
      killPoint();
    }
  }

  @Override
  public synchronized void removeMembers(String groupId, Collection<String> userIds) {
    require(groups, groupId);
    for (List<String> batch : batches(userIds)) {
      write("PATCH /Groups/" + groupId + " members-" + batch.size());
      members.get(groupId).removeAll(batch);
    }
  }

  @Override
  public synchronized void deleteUser(String id) {
    write("DELETE /Users/" + id);
    require(users, id);
    users.remove(id);
    members.values().forEach(m -> m.remove(id));
  }

  @Override
  public synchronized void deleteGroup(String id) {
    write("DELETE /Groups/" + id);
    require(groups, id);
    groups.remove(id);
    members.remove(id);
  }

  @Override
  public synchronized Set<String> groupIdsOfUser(String userId) {
    requests.add("GET /Groups?members.value");
    require(users, userId);
    Set<String> ids = new LinkedHashSet<>();
    members.forEach(
        (group, userIds) -> {
          if (userIds.contains(userId)) {
            ids.add(group);
          }
        });
    return ids;
  }

  @Override
  public boolean membersReadable() {
    return membersReadable;
  }

  // ---- internals ----------------------------------------------------------------------------

  private List<String> refusedOf(Collection<String> userIds) {
    return userIds.stream().filter(refusedMembers::contains).toList();
  }

  private MembersRefusedException membersRefused(
      List<String> refused, @Nullable TargetGroup group) {
    return new MembersRefusedException(
        refused.stream()
            .map(
                id ->
                    new MemberRefusal(
                        id,
                        users.get(id) == null ? null : users.get(id).path("userName").asText(),
                        true,
                        400,
                        "member not accepted"))
            .toList(),
        group);
  }

  private void write(String request) {
    if (refusalStatus != 0) {
      requests.add(request + " (refused)");
      String detail = refusalDetail.replace("{n}", String.valueOf(++refusals));
      TargetException.Kind kind =
          refusalStatus == 401 || refusalStatus == 403
              ? TargetException.Kind.UNAUTHORIZED
              : TargetException.Kind.BAD_REQUEST;
      throw new TargetException(
          kind,
          refusalStatus,
          request + " failed: HTTP " + refusalStatus + ": " + detail,
          detail,
          null);
    }
    if (writesBeforeCrash == 0) {
      requests.add(request + " (refused)");
      Integer status = crashKind == TargetException.Kind.UNAUTHORIZED ? 401 : 500;
      throw new TargetException(crashKind, status, "injected failure");
    }
    if (writesBeforeCrash > 0) {
      writesBeforeCrash--;
    }
    if (writesBeforeKill > 0) {
      writesBeforeKill--;
    }
    writes++;
    requests.add(request);
  }

  private String insertUser(ObjectNode resource, @Nullable String externalId) {
    String id = "u-" + nextId++;
    resource.put("id", id);
    if (externalId != null) {
      resource.put("externalId", externalId);
    }
    checkUserUnique(resource, id);
    users.put(id, resource);
    return id;
  }

  private String insertGroup(ObjectNode resource, @Nullable String externalId) {
    String id = "g-" + nextId++;
    resource.put("id", id);
    if (externalId != null) {
      resource.put("externalId", externalId);
    }
    checkGroupUnique(resource, id);
    groups.put(id, resource);
    members.put(id, new LinkedHashSet<>());
    return id;
  }

  private void checkUserUnique(ObjectNode user, String id) {
    for (Map.Entry<String, ObjectNode> other : users.entrySet()) {
      if (other.getKey().equals(id)) {
        continue;
      }
      if (sameFolded(other.getValue(), user, "userName")
          || sameExact(other.getValue(), user, "externalId")) {
        throw conflict("Refused to create a new, duplicate resource.");
      }
    }
  }

  private void checkGroupUnique(ObjectNode group, String id) {
    for (Map.Entry<String, ObjectNode> other : groups.entrySet()) {
      if (other.getKey().equals(id)) {
        continue;
      }
      if (sameFolded(other.getValue(), group, "displayName")
          || sameExact(other.getValue(), group, "externalId")) {
        throw conflict("Refused to create a new, duplicate resource.");
      }
    }
  }

  private void checkUsersExist(Collection<String> userIds) {
    for (String userId : userIds) {
      if (!users.containsKey(userId)) {
        throw badRequest("no user " + userId);
      }
    }
  }

  private static boolean sameFolded(JsonNode a, JsonNode b, String field) {
    return a.hasNonNull(field)
        && b.hasNonNull(field)
        && a.get(field)
            .asText()
            .toLowerCase(Locale.ROOT)
            .equals(b.get(field).asText().toLowerCase(Locale.ROOT));
  }

  private static boolean sameExact(JsonNode a, JsonNode b, String field) {
    return a.hasNonNull(field) && b.hasNonNull(field) && a.get(field).equals(b.get(field));
  }

  private static List<List<String>> batches(Collection<String> ids) {
    List<String> all = List.copyOf(ids);
    List<List<String>> batches = new ArrayList<>();
    for (int i = 0; i < all.size(); i += MEMBER_BATCH) {
      batches.add(all.subList(i, Math.min(all.size(), i + MEMBER_BATCH)));
    }
    return batches;
  }

  private Optional<TargetUser> findUser(Predicate<ObjectNode> test) {
    return users.entrySet().stream()
        .filter(e -> test.test(e.getValue()))
        .findFirst()
        .map(e -> toUser(e.getKey()));
  }

  private Optional<TargetGroup> findGroup(Predicate<ObjectNode> test) {
    return groups.entrySet().stream()
        .filter(e -> test.test(e.getValue()))
        .findFirst()
        .map(e -> toGroup(e.getKey()));
  }

  private TargetUser toUser(String id) {
    ObjectNode user = users.get(id).deepCopy();
    return new TargetUser(
        id, user.path("externalId").asText(null), user.path("userName").asText(), user);
  }

  private TargetGroup toGroup(String id) {
    ObjectNode group = groups.get(id).deepCopy();
    if (membersReadable) {
      var array = group.putArray("members");
      members.get(id).forEach(m -> array.addObject().put("value", m));
    }
    return new TargetGroup(
        id, group.path("externalId").asText(null), group.path("displayName").asText(), group);
  }

  private static ObjectNode require(Map<String, ObjectNode> objects, String id) {
    ObjectNode object = objects.get(id);
    if (object == null) {
      throw new TargetException(TargetException.Kind.NOT_FOUND, 404, "no resource " + id);
    }
    return object;
  }

  private static TargetException conflict(String message) {
    return new TargetException(TargetException.Kind.CONFLICT, 409, message);
  }

  private static TargetException badRequest(String message) {
    return new TargetException(TargetException.Kind.BAD_REQUEST, 400, message);
  }
}
