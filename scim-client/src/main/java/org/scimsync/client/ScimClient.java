package org.scimsync.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.scimsync.client.internal.AdaptiveReads;
import org.scimsync.client.internal.CapabilityBook;
import org.scimsync.client.internal.Discovery;
import org.scimsync.client.internal.GroupOperations;
import org.scimsync.client.internal.ResourceEndpoint;
import org.scimsync.client.internal.ScimHttp;
import org.scimsync.client.internal.ScimJson;

/**
 * A SCIM 2.0 client for one service provider, shaped by its {@link TargetProfile}. Safe to call
 * from many threads at once: requests share a pool of connections, each SCIM operation has its own
 * rate limiter, and transient failures (429, 5xx, I/O) are retried as set in {@link RetrySettings}.
 * Every failure is a {@link ScimException} subclass. A 404 on a collection (listing, searching or
 * creating in {@code /Users} or {@code /Groups}, {@code /ServiceProviderConfig}) is a {@link
 * ScimTargetNotFoundException}: a wrong tenant id, which stops the run; only a 404 on one resource
 * is a {@link ScimNotFoundException}. Close it to release the connections.
 */
public final class ScimClient implements AutoCloseable {

  private final ScimClientConfig config;
  private final ScimJson json;
  private final ScimHttp http;
  private final ResourceEndpoint<ScimUser> users;
  private final ResourceEndpoint<ScimGroup> groups;
  private final GroupOperations groupOperations;
  private final CapabilityBook book;
  private final AdaptiveReads reads;
  private final Discovery discovery;

  private ScimClient(ScimClientConfig config, Clock clock) {
    this.config = config;
    this.json = new ScimJson();
    this.http = new ScimHttp(config, json.mapper(), clock);
    TargetProfile profile = config.profile();
    this.book = new CapabilityBook(profile, config.capabilities());
    this.users =
        new ResourceEndpoint<>(
            http, json, book, "Users", ScimUser.class, ResourceEndpoint.Apis.USERS);
    this.groups =
        new ResourceEndpoint<>(
            http, json, book, "Groups", ScimGroup.class, ResourceEndpoint.Apis.GROUPS);
    this.groupOperations = new GroupOperations(groups, json, profile, book);
    this.reads = new AdaptiveReads(users, groups, json, book);
    this.discovery = new Discovery(http, json);
  }

  /**
   * Creates a client. No request is sent; call {@link #serviceProviderConfig()} to check the URL
   * and token.
   *
   * @param config the validated configuration
   * @return the client
   * @throws IllegalArgumentException if the trust store cannot be read
   */
  public static ScimClient create(ScimClientConfig config) {
    return create(config, Clock.systemUTC());
  }

  /**
   * Creates a client with its own clock (tests: token lifetimes, {@code Retry-After} dates).
   *
   * @param config the validated configuration
   * @param clock the wall clock
   * @return the client
   */
  static ScimClient create(ScimClientConfig config, Clock clock) {
    return new ScimClient(
        Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"));
  }

  /**
   * The target profile in use.
   *
   * @return the profile
   */
  public TargetProfile profile() {
    return config.profile();
  }

  /**
   * SCIMple's mapper configured with User (with the enterprise extension) and Group, to convert
   * {@link ScimUser}/{@link ScimGroup} to and from Jackson trees.
   *
   * @return the shared, thread-safe mapper
   */
  public ObjectMapper objectMapper() {
    return json.mapper();
  }

  /**
   * The client-side rates per API operation this client holds to.
   *
   * @return the configured rate limits
   */
  public RateLimits rateLimits() {
    return config.rateLimits();
  }

  /**
   * The cap on requests in flight (the connection pool's size).
   *
   * @return {@link ScimClientConfig#maxConcurrency()}
   */
  public int maxConcurrency() {
    return config.maxConcurrency();
  }

  /**
   * Tells {@code listener} about every HTTP attempt from now on (retried ones included), besides
   * the configured listener: on the calling thread, so that a caller can tell its own requests
   * apart. Remove it with {@link #removeRequestListener} when done.
   *
   * @param listener thread-safe, fast, never throwing
   */
  public void addRequestListener(RequestListener listener) {
    http.addListener(listener);
  }

  /**
   * Stops telling a listener added with {@link #addRequestListener}.
   *
   * @param listener the listener
   */
  public void removeRequestListener(RequestListener listener) {
    http.removeListener(listener);
  }

  /**
   * Counts of HTTP attempts so far.
   *
   * @return a snapshot
   */
  public ClientStats stats() {
    return http.stats();
  }

  // ---- users ----

  /**
   * All users, fetched page by page (profile page size). Nothing is sent before the stream's first
   * element is asked for. With cursor paging (AWS) the pages are then requested ahead, on a daemon
   * thread {@code scim-client-pages-<n>} that keeps at most four unconsumed pages, so each request
   * leaves as soon as the previous answer arrives; with index paging each page is requested as the
   * stream reaches it. A failing page throws from the stream, with its own exception, after the
   * users of the pages before it; an interrupt while waiting for a page throws {@link
   * ScimTransportException} and keeps the interrupt flag.
   *
   * <p>Close the stream (try-with-resources) or consume it fully: closing stops the page requests
   * (at most the one in flight completes) and ends the thread. A stream left unconsumed and
   * unclosed holds its thread and a few pages until it gives up after ten minutes.
   *
   * @return every user
   */
  public Stream<ScimUser> listUsers() {
    return users.list(null);
  }

  /**
   * All users as the JSON objects the server sent, page by page as the stream is consumed. Cheaper
   * than {@link #listUsers()} for a caller that works on JSON: each page is parsed once and no
   * {@link ScimUser} is built. Paging, failures and closing as for {@link #listUsers()}: close or
   * fully consume the stream.
   *
   * @return every user, as sent (with {@code id}, {@code meta}, {@code schemas} and extensions)
   */
  public Stream<ObjectNode> listUsersAsTrees() {
    return users.listTrees(null);
  }

  /**
   * Users matching a filter, all pages. Build the filter with {@link ScimFilter}.
   *
   * @param filter a SCIM filter
   * @return the matching users
   */
  public List<ScimUser> findUsers(String filter) {
    return users.list(Objects.requireNonNull(filter, "filter")).toList();
  }

  /**
   * The user with this userName: the exact match, else one equal ignoring case (AWS may treat
   * userName case-insensitively). A result that does not match is never returned.
   *
   * @param userName the userName
   * @return the user, if any
   */
  public Optional<ScimUser> findUserByUserName(String userName) {
    return best(reads.users("userName", userName), userName, ScimUser::getUserName, true);
  }

  /**
   * The user with exactly this externalId.
   *
   * @param externalId the externalId
   * @return the user, if any
   */
  public Optional<ScimUser> findUserByExternalId(String externalId) {
    return best(reads.users("externalId", externalId), externalId, ScimUser::getExternalId, false);
  }

  /**
   * One user.
   *
   * @param id the user id
   * @return the user, empty if the target answers 404
   */
  public Optional<ScimUser> getUser(String id) {
    return users.get(id);
  }

  /**
   * Creates a user.
   *
   * @param user the user, without id
   * @return the created user with its id
   * @throws ScimConflictException if a user with the same userName, email or externalId exists
   */
  public ScimUser createUser(ScimUser user) {
    ScimUser created = users.create(user);
    if (created.getId() != null) {
      reads.createdUser(user, created.getId());
    }
    return created;
  }

  /**
   * Replaces a user (PUT).
   *
   * @param id the user id
   * @param user the full new content
   * @return the user as answered
   */
  public ScimUser replaceUser(String id, ScimUser user) {
    return users.replace(id, user);
  }

  /**
   * Patches a user in one request; 200 with a body and 204 are both success.
   *
   * @param id the user id
   * @param ops the operations; nothing is sent for none
   */
  public void patchUser(String id, List<PatchOperation> ops) {
    users.patch(id, ops);
  }

  /**
   * Deletes a user. A user that is already gone (404) counts as deleted: no exception.
   *
   * @param id the user id
   */
  public void deleteUser(String id) {
    users.delete(id);
  }

  // ---- groups ----

  /**
   * All groups, page by page; paging, failures and closing as for {@link #listUsers()}: close or
   * fully consume the stream. AWS answers without members.
   *
   * @return every group
   */
  public Stream<ScimGroup> listGroups() {
    return groups.list(null);
  }

  /**
   * All groups as the JSON objects the server sent, page by page (see {@link #listUsersAsTrees()}
   * and {@link #listUsers()}): close or fully consume the stream. AWS answers without members.
   *
   * @return every group, as sent
   */
  public Stream<ObjectNode> listGroupsAsTrees() {
    return groups.listTrees(null);
  }

  /**
   * Groups matching a filter, all pages.
   *
   * @param filter a SCIM filter
   * @return the matching groups
   */
  public List<ScimGroup> findGroups(String filter) {
    return groups.list(Objects.requireNonNull(filter, "filter")).toList();
  }

  /**
   * The group with this displayName: the exact match, else one equal ignoring case. A result that
   * does not match is never returned.
   *
   * @param displayName the displayName
   * @return the group, if any
   */
  public Optional<ScimGroup> findGroupByDisplayName(String displayName) {
    return best(
        reads.groups("displayName", displayName), displayName, ScimGroup::getDisplayName, true);
  }

  /**
   * The group with exactly this externalId.
   *
   * @param externalId the externalId
   * @return the group, if any
   */
  public Optional<ScimGroup> findGroupByExternalId(String externalId) {
    return best(
        reads.groups("externalId", externalId), externalId, ScimGroup::getExternalId, false);
  }

  /**
   * The groups a user is a direct member of ({@code members.value eq "<id>"}, all pages).
   *
   * @param userId the user id
   * @return the groups; empty also when the target answers 404 for an unknown member
   */
  public List<ScimGroup> groupsOfUser(String userId) {
    if (book.adapts()) {
      try {
        return reads.groups("members.value", userId);
      } catch (ScimTargetNotFoundException e) {
        String detail = e.detail();
        if (detail != null && detail.toLowerCase(java.util.Locale.ROOT).contains("tenant")) {
          throw e;
        }
        return List.of(); // an unknown member
      }
    }
    return groupOperations.ofUser(userId);
  }

  /**
   * Whether a user is a direct member of a group: with a filter ({@code id eq "g" and members eq
   * "u"}) where members are not readable (AWS), else by reading the group.
   *
   * @param groupId the group id
   * @param userId the user id
   * @return true if the user is a member; false also for an unknown group or user (404)
   */
  public boolean isMember(String groupId, String userId) {
    return groupOperations.isMember(groupId, userId);
  }

  /**
   * One group (for AWS without members).
   *
   * @param id the group id
   * @return the group, empty if the target answers 404
   */
  public Optional<ScimGroup> getGroup(String id) {
    return groups.get(id);
  }

  /**
   * Creates a group. Members up to the profile's inline limit (AWS: 100) are sent with the create
   * request, the rest follow as PATCH requests of at most the profile's batch size.
   *
   * @param group the group, without id
   * @return the created group as the create request answered it
   * @throws ScimConflictException if the displayName or externalId is taken
   */
  public ScimGroup createGroup(ScimGroup group) {
    return createGroupWithMembers(group).group();
  }

  /**
   * Creates a group with its members, and says which members the target refused. Under the generic
   * profile a create refused for its members is sent again without them and the members are added
   * by PATCH; a refused batch is split until each refused member is alone, so that one bad member
   * never keeps the group or the other members out. Under the AWS profile as {@link #createGroup}.
   *
   * @param group the group, without id
   * @return the created group, and the refused members with the target's words
   * @throws ScimConflictException if the displayName or externalId is taken
   */
  public GroupCreation createGroupWithMembers(ScimGroup group) {
    GroupCreation creation = groupOperations.create(group);
    if (creation.group().getId() != null) {
      reads.createdGroup(group, creation.group().getId());
    }
    return creation;
  }

  /**
   * Replaces a group (PUT). Refused under the AWS profile, which has no PUT for groups.
   *
   * @param id the group id
   * @param group the full new content
   * @return the group as answered
   * @throws ScimUnsupportedException under the AWS profile; no request is sent
   */
  public ScimGroup replaceGroup(String id, ScimGroup group) {
    return groupOperations.replace(id, group);
  }

  /**
   * Patches a group. Membership operations are split into requests of at most the profile's batch
   * size (AWS: 100 changes); other operations go with the first request. Under the AWS profile
   * {@code replace} on members and removing all members are refused before sending.
   *
   * @param id the group id
   * @param ops the operations; nothing is sent for none
   * @throws ScimUnsupportedException for an operation the profile forbids; nothing is sent
   */
  public void patchGroup(String id, List<PatchOperation> ops) {
    groupOperations.patch(id, ops);
  }

  /**
   * Adds and removes members with {@code add}/{@code remove} operations on {@code members} (never
   * {@code replace}), at most the profile's batch size of changes per request. Removal follows the
   * profile: one {@code remove} with a value list (AWS), or one per member with a {@code
   * members[value eq "id"]} path (RFC 7644).
   *
   * @param groupId the group id
   * @param addUserIds user ids to add
   * @param removeUserIds user ids to remove
   *     <p>Under the generic profile the batch size and the removal style are learned: a refused
   *     batch is split until the refused members are alone (the others are applied), a removal
   *     refused in one style is tried in the other.
   * @return the members the target refused, each with its words (generic profile; none for AWS)
   * @throws IllegalArgumentException if an id is both added and removed
   */
  public List<RefusedMember> patchGroupMembers(
      String groupId, Collection<String> addUserIds, Collection<String> removeUserIds) {
    return groupOperations.patchMembers(groupId, addUserIds, removeUserIds);
  }

  /**
   * Deletes a group. A group that is already gone (404) counts as deleted: no exception.
   *
   * @param id the group id
   */
  public void deleteGroup(String id) {
    groups.delete(id);
  }

  // ---- discovery ----

  /**
   * Reads {@code /ServiceProviderConfig}: the cheapest call, and the way to check that the URL and
   * token are accepted.
   *
   * @return what the provider announces
   * @throws ScimUnauthorizedException if the token or tenant is refused; a {@link
   *     ScimTargetNotFoundException} if the base URL or its tenant id is unknown (404)
   */
  public ServiceProviderInfo serviceProviderConfig() {
    return discovery.serviceProviderConfig();
  }

  /**
   * Reads what the target says about itself ({@code /ServiceProviderConfig}, and {@code
   * /ResourceTypes} and {@code /Schemas} where offered) and adapts to it (generic profile); call it
   * once per run, before anything else. Starts the run's learning afresh (what earlier runs learned
   * stays, see {@link #rememberCapabilities}).
   *
   * @return the capabilities known now, each with its source
   * @throws ScimUnauthorizedException if the token or tenant is refused
   */
  public List<KnownCapability> discoverCapabilities() {
    Discovery.Found found = discovery.discover();
    book.announced(found.announced());
    reads.newRun();
    return book.describe();
  }

  /**
   * Takes what earlier runs learned of this target (kept by the caller, see {@link
   * #learnedCapabilities}). Values that no longer parse are ignored: they are learned again.
   *
   * @param learned capability names and values
   */
  public void rememberCapabilities(Map<String, String> learned) {
    try {
      book.remembered(TargetCapabilities.parse(learned));
    } catch (IllegalArgumentException e) {
      book.remembered(TargetCapabilities.NONE);
    }
  }

  /**
   * What this run and earlier ones learned of the target from its answers, for the next run.
   *
   * @return capability names and values; empty under the AWS profile, which does not learn
   */
  public Map<String, String> learnedCapabilities() {
    return book.learnedSoFar().asConfigMap();
  }

  /**
   * Every capability known, with where the knowledge comes from.
   *
   * @return the capabilities
   */
  public List<KnownCapability> capabilities() {
    return book.describe();
  }

  /**
   * Whether deleting a user removes it from its groups: true for AWS; for a generic target only
   * when configured ({@code membershipsDroppedWithUser}) or learned.
   *
   * @return whether leavers may be deleted without removing their memberships first
   */
  public boolean membershipsDroppedWithUser() {
    return book.membershipsDroppedWithUser();
  }

  /**
   * The attribute paths the target does not keep as sent, which a comparison must skip.
   *
   * @param groups true for groups, false for users
   * @return paths such as {@code externalId} or {@code name.formatted}; empty for AWS
   */
  public Set<String> attributesNotKept(boolean groups) {
    return book.attributesNotKept(groups);
  }

  /**
   * The exact match, else a match ignoring case (names), never an unrelated result: a server that
   * ignores the filter must not make the engine adopt the wrong object.
   */
  private static <T> Optional<T> best(
      List<T> found, String wanted, Function<T, String> key, boolean ignoreCase) {
    Optional<T> exact = found.stream().filter(item -> wanted.equals(key.apply(item))).findFirst();
    if (exact.isPresent() || !ignoreCase) {
      return exact;
    }
    return found.stream().filter(item -> wanted.equalsIgnoreCase(key.apply(item))).findFirst();
  }

  /** Releases the pooled connections. */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "ScimClient[baseUrl=" + config.baseUrl() + ", profile=" + profile().configName() + "]";
  }
}
