package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.patch.PatchOperationPath;
import org.apache.directory.scim.spec.resources.GroupMembership;
import org.apache.directory.scim.spec.resources.Name;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A target that is not yet consistent (404 right after a create, ssosync #42) or busy with the same
 * resource (409 on PATCH/DELETE): retried for a bounded time, never adopted as a duplicate.
 */
class ScimClientConsistencyIT {

  @RegisterExtension static WireMockExtension wm = ScimWireMock.server();

  private static final String GROUP =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"id\":\"g-new\","
          + "\"displayName\":\"Engineers\"}";
  private static final String USER =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"u-new\","
          + "\"userName\":\"ann\",\"displayName\":\"Ann Example\","
          + "\"name\":{\"givenName\":\"Ann\",\"familyName\":\"Example\"}}";
  private static final String NOT_FOUND =
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
          + "\"detail\":\"GROUP_NOT_FOUND\",\"status\":\"404\"}";
  private static final String CONFLICT =
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
          + "\"detail\":\"Concurrent modification\",\"status\":\"409\",\"exceptionRequestId\":\"c-1\"}";

  /** Short enough for a test, long enough for several 200 ms-and-up backoffs. */
  private static final ConsistencySettings QUICK =
      new ConsistencySettings(Duration.ofMillis(1500), Duration.ofSeconds(60));

  private final List<String> attempts = new CopyOnWriteArrayList<>();

  /**
   * The wait counts from the first attempt: load the HTTP stack once so that no test's first
   * attempt spends the budget on class loading.
   */
  @BeforeAll
  static void warmUp() {
    wm.stubFor(get(urlPathEqualTo("/scim/v2/ServiceProviderConfig")).willReturn(status(200, "{}")));
    try (ScimClient client =
        ScimClient.create(
            ScimWireMock.config(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER).build())) {
      client.serviceProviderConfig();
    }
  }

  private ScimClient client(ConsistencySettings consistency) {
    return ScimClient.create(
        ScimWireMock.config(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER)
            .consistency(consistency)
            .listener((api, status, elapsed) -> attempts.add(api + ":" + status))
            .build());
  }

  /** Answers the responses in order; the last one for ever after. */
  private static void stubInOrder(
      Supplier<MappingBuilder> request, ResponseDefinitionBuilder... answers) {
    String state = STARTED;
    for (int i = 0; i < answers.length; i++) {
      String next = i == answers.length - 1 ? state : "answer-" + (i + 2);
      wm.stubFor(
          request
              .get()
              .inScenario("consistency")
              .whenScenarioStateIs(state)
              .willReturn(answers[i])
              .willSetStateTo(next));
      state = next;
    }
  }

  private static ResponseDefinitionBuilder status(int status, String body) {
    return aResponse().withStatus(status).withBody(body);
  }

  private static ScimUser ann() {
    ScimUser user = new ScimUser();
    user.setUserName("ann");
    user.setDisplayName("Ann Example");
    Name name = new Name();
    name.setGivenName("Ann");
    name.setFamilyName("Example");
    user.setName(name);
    return user;
  }

  private static ScimGroup groupWithMembers(int count) {
    ScimGroup group = new ScimGroup();
    group.setDisplayName("Engineers");
    group.setMembers(
        IntStream.rangeClosed(1, count)
            .mapToObj(
                i -> {
                  GroupMembership member = new GroupMembership();
                  member.setValue("u" + i);
                  return member;
                })
            .toList());
    return group;
  }

  private static List<PatchOperation> rename() throws Exception {
    return List.of(
        new PatchOperation()
            .setOperation(PatchOperation.Type.REPLACE)
            .setPath(PatchOperationPath.fromString("displayName"))
            .setValue("Ann E."));
  }

  @Test
  void retriesTheMembersPatchOfAGroupItJustCreatedUntilTheGroupIsVisible() {
    wm.stubFor(post(urlPathEqualTo("/scim/v2/Groups")).willReturn(status(201, GROUP)));
    stubInOrder(
        () -> patch(urlPathEqualTo("/scim/v2/Groups/g-new")),
        status(404, NOT_FOUND),
        status(404, NOT_FOUND),
        aResponse().withStatus(204));

    try (ScimClient client = client(QUICK)) {
      // 101 members: 100 go inline (the AWS limit), the 101st follows as a PATCH at once.
      ScimGroup created = client.createGroup(groupWithMembers(101));

      assertThat(created.getId()).isEqualTo("g-new");
    }
    assertThat(attempts)
        .containsExactly("CreateGroup:201", "PatchGroup:404", "PatchGroup:404", "PatchGroup:204");
  }

  @Test
  void retriesAGetOfAUserItJustCreated() {
    wm.stubFor(post(urlPathEqualTo("/scim/v2/Users")).willReturn(status(201, USER)));
    stubInOrder(
        () -> get(urlPathEqualTo("/scim/v2/Users/u-new")),
        status(404, NOT_FOUND),
        status(200, USER));

    try (ScimClient client = client(QUICK)) {
      client.createUser(ann());

      assertThat(client.getUser("u-new")).isPresent();
    }
    assertThat(attempts).containsExactly("CreateUser:201", "GetUser:404", "GetUser:200");
  }

  @Test
  void givesUpOnAJustCreatedResourceAfterTheConfiguredWait() {
    wm.stubFor(post(urlPathEqualTo("/scim/v2/Users")).willReturn(status(201, USER)));
    wm.stubFor(patch(urlPathEqualTo("/scim/v2/Users/u-new")).willReturn(status(404, NOT_FOUND)));

    try (ScimClient client = client(QUICK)) {
      client.createUser(ann());

      assertThatThrownBy(() -> client.patchUser("u-new", rename()))
          .isExactlyInstanceOf(ScimNotFoundException.class);
    }
    long patches = attempts.stream().filter(a -> a.equals("PatchUser:404")).count();
    // 1.5 s of backoff from 200 ms doubling: a handful of attempts, more than one, not unbounded.
    assertThat(patches).isBetween(2L, 8L);
  }

  @Test
  void aNotFoundOnAResourceItDidNotCreateFailsAtOnce() {
    wm.stubFor(patch(urlPathEqualTo("/scim/v2/Users/u-old")).willReturn(status(404, NOT_FOUND)));
    wm.stubFor(get(urlPathEqualTo("/scim/v2/Users/u-old")).willReturn(status(404, NOT_FOUND)));

    try (ScimClient client = client(QUICK)) {
      assertThatThrownBy(() -> client.patchUser("u-old", rename()))
          .isExactlyInstanceOf(ScimNotFoundException.class);
      assertThat(client.getUser("u-old")).isEmpty();
    }
    assertThat(attempts).containsExactly("PatchUser:404", "GetUser:404");
  }

  @Test
  void withoutConsistencyRetriesAJustCreatedResourceFailsAtOnce() {
    wm.stubFor(post(urlPathEqualTo("/scim/v2/Users")).willReturn(status(201, USER)));
    wm.stubFor(patch(urlPathEqualTo("/scim/v2/Users/u-new")).willReturn(status(404, NOT_FOUND)));

    try (ScimClient client = client(ConsistencySettings.NONE)) {
      client.createUser(ann());
      assertThatThrownBy(() -> client.patchUser("u-new", rename()))
          .isExactlyInstanceOf(ScimNotFoundException.class);
    }
    assertThat(attempts).containsExactly("CreateUser:201", "PatchUser:404");
  }

  @Test
  void retriesAConflictOnPatchAsAConcurrentModification() throws Exception {
    stubInOrder(
        () -> patch(urlPathEqualTo("/scim/v2/Users/u1")),
        status(409, CONFLICT),
        status(409, CONFLICT),
        aResponse().withStatus(204));

    try (ScimClient client = client(QUICK)) {
      client.patchUser("u1", rename());
    }
    assertThat(attempts).containsExactly("PatchUser:409", "PatchUser:409", "PatchUser:204");
  }

  @Test
  void retriesAConflictOnDelete() {
    stubInOrder(
        () -> delete(urlPathEqualTo("/scim/v2/Groups/g1")),
        status(409, CONFLICT),
        aResponse().withStatus(204));

    try (ScimClient client = client(QUICK)) {
      client.deleteGroup("g1");
    }
    assertThat(attempts).containsExactly("DeleteGroup:409", "DeleteGroup:204");
  }

  @Test
  void aConflictOnPatchThatPersistsIsNeverADuplicateToAdopt() {
    wm.stubFor(patch(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(status(409, CONFLICT)));

    try (ScimClient client = client(QUICK)) {
      assertThatThrownBy(() -> client.patchUser("u1", rename()))
          .isInstanceOfSatisfying(
              ScimConcurrentModificationException.class,
              e -> {
                assertThat(e.status()).isEqualTo(409);
                assertThat(e.kind()).isEqualTo(ScimException.Kind.CHANGE_REJECTED);
                assertThat(e.retryable()).isTrue();
                assertThat(e.requestId()).isEqualTo("c-1");
                assertThat(e.getMessage())
                    .contains("PatchUser", "409", "changed concurrently", "(request id c-1)");
              })
          .isNotInstanceOf(ScimConflictException.class);
    }
    assertThat(attempts.stream().filter(a -> a.equals("PatchUser:409")).count())
        .as(attempts.toString())
        .isBetween(2L, 8L);
  }

  @Test
  void aConflictOnCreateIsStillTheDuplicateToAdoptAndIsNotRetried() {
    wm.stubFor(post(urlPathEqualTo("/scim/v2/Users")).willReturn(status(409, CONFLICT)));

    try (ScimClient client = client(QUICK)) {
      assertThatThrownBy(() -> client.createUser(ann()))
          .isExactlyInstanceOf(ScimConflictException.class);
    }
    assertThat(attempts).containsExactly("CreateUser:409");
  }
}
