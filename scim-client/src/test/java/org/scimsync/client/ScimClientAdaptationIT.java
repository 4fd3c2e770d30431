package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.directory.scim.spec.resources.GroupMembership;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generic profile learns from the target's answers: the removal style, a member limit, a
 * refused member isolated, a create that takes no members, a filter it refuses; and it reads what
 * the target announces. The AWS profile learns nothing.
 */
class ScimClientAdaptationIT {

  @RegisterExtension static WireMockExtension wm = ScimWireMock.server();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GROUP =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"id\":\"g1\","
          + "\"displayName\":\"Engineers\",\"externalId\":\"e1\"}";
  private static final String GROUPS = "/scim/v2/Groups/g1";

  private static String refusal(String detail) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"400\","
        + "\"detail\":\""
        + detail
        + "\"}";
  }

  private static List<String> ids(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "u" + i).toList();
  }

  private ScimClient generic() {
    return ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.GENERIC);
  }

  private static List<JsonNode> patchBodies() throws Exception {
    List<JsonNode> bodies = new ArrayList<>();
    for (LoggedRequest request : wm.findAll(patchRequestedFor(urlPathEqualTo(GROUPS)))) {
      bodies.add(JSON.readTree(request.getBodyAsString()));
    }
    return bodies;
  }

  @Test
  void aRemovalRefusedAsPathsIsSentAsAValueListAndTheStyleIsLearned() throws Exception {
    wm.stubFor(
        patch(urlPathEqualTo(GROUPS))
            .withRequestBody(containing("members[value"))
            .willReturn(aResponse().withStatus(400).withBody(refusal("Invalid path"))));
    wm.stubFor(
        patch(urlPathEqualTo(GROUPS))
            .withRequestBody(notContaining("members[value"))
            .willReturn(aResponse().withStatus(204)));

    try (ScimClient client = generic()) {
      assertThat(client.patchGroupMembers("g1", List.of(), List.of("u1", "u2"))).isEmpty();
      assertThat(client.learnedCapabilities()).containsEntry("memberRemoval", "value-list");
      assertThat(client.patchGroupMembers("g1", List.of(), List.of("u3"))).isEmpty();
    }
    List<JsonNode> bodies = patchBodies();
    assertThat(bodies).hasSize(3);
    assertThat(bodies.get(2).toString()).doesNotContain("members[value").contains("u3");
  }

  @Test
  void aRefusedMemberIsIsolatedWithTheTargetsWordsAndTheOthersAreAdded() throws Exception {
    wm.stubFor(
        patch(urlPathEqualTo(GROUPS))
            .withRequestBody(containing("\"bad\""))
            .willReturn(aResponse().withStatus(400).withBody(refusal("bad is not a user"))));
    wm.stubFor(
        patch(urlPathEqualTo(GROUPS))
            .withRequestBody(notContaining("\"bad\""))
            .willReturn(aResponse().withStatus(204)));
    List<String> members = new ArrayList<>(ids(9));
    members.add(4, "bad");

    List<RefusedMember> refused;
    try (ScimClient client = generic()) {
      refused = client.patchGroupMembers("g1", members, List.of());
      assertThat(client.learnedCapabilities()).doesNotContainKey("maxMembersPerRequest");
    }

    assertThat(refused)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.userId()).isEqualTo("bad");
              assertThat(r.added()).isTrue();
              assertThat(r.refusal().detail()).isEqualTo("bad is not a user");
            });
    List<String> added = new ArrayList<>();
    for (LoggedRequest request : wm.findAll(patchRequestedFor(urlPathEqualTo(GROUPS)))) {
      if (!request.getBodyAsString().contains("\"bad\"")) {
        JSON.readTree(request.getBodyAsString())
            .get("Operations")
            .forEach(op -> op.get("value").forEach(v -> added.add(v.get("value").asText())));
      }
    }
    assertThat(added).containsExactlyInAnyOrderElementsOf(ids(9));
  }

  @Test
  void aMemberLimitIsLearnedFromHalvesThatPassWhereTheirWholeDidNot() throws Exception {
    wm.stubFor(
        patch(urlPathEqualTo(GROUPS))
            .withRequestBody(matching(".*(\"value\":\"u\\d+\".*){4,}.*"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(400).withBody(refusal("Too many members"))));
    wm.stubFor(patch(urlPathEqualTo(GROUPS)).atPriority(2).willReturn(aResponse().withStatus(204)));

    try (ScimClient client = generic()) {
      assertThat(client.patchGroupMembers("g1", ids(12), List.of())).isEmpty();
      int limit = Integer.parseInt(client.learnedCapabilities().get("maxMembersPerRequest"));
      assertThat(limit).isBetween(1, 3);
      wm.resetRequests();
      assertThat(client.patchGroupMembers("g1", ids(9), List.of())).isEmpty();
    }
    assertThat(wm.findAll(patchRequestedFor(urlPathEqualTo(GROUPS))))
        .as("no request refused once the limit is known")
        .allSatisfy(
            r ->
                assertThat(
                        JSON.readTree(r.getBodyAsString())
                            .get("Operations")
                            .get(0)
                            .get("value")
                            .size())
                    .isLessThanOrEqualTo(3));
  }

  @Test
  void aCreateRefusedForItsMembersIsSentWithoutThemAndTheRefusalIsLearned() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/Groups"))
            .withRequestBody(containing("members"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(refusal("Managing members on updates are not supported"))));
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/Groups"))
            .withRequestBody(notContaining("members"))
            .willReturn(aResponse().withStatus(201).withBody(GROUP)));
    wm.stubFor(get(urlPathEqualTo(GROUPS)).willReturn(aResponse().withStatus(200).withBody(GROUP)));
    wm.stubFor(patch(urlPathEqualTo(GROUPS)).willReturn(aResponse().withStatus(204)));
    ScimGroup group = new ScimGroup();
    group.setDisplayName("Engineers");
    group.setExternalId("e1");
    ids(5).forEach(id -> group.addMember(new GroupMembership().setValue(id)));

    try (ScimClient client = generic()) {
      GroupCreation creation = client.createGroupWithMembers(group);
      assertThat(creation.group().getId()).isEqualTo("g1");
      assertThat(creation.refused()).isEmpty();
      assertThat(client.learnedCapabilities()).containsEntry("membersOnCreate", "false");
      wm.resetRequests();
      client.createGroupWithMembers(group);
    }
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/scim/v2/Groups"))))
        .singleElement()
        .satisfies(r -> assertThat(r.getBodyAsString()).doesNotContain("members"));
    assertThat(patchBodies())
        .singleElement()
        .satisfies(b -> assertThat(b.toString()).contains("u5"));
  }

  @Test
  void aFilterTheTargetRefusesFallsBackToListingAndIsLearned() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users"))
            .withQueryParam("filter", matching(".+"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"status\":\"400\",\"scimType\":\"invalidFilter\",\"detail\":\"no\"}")));
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users"))
            .atPriority(2)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"totalResults\":2,\"Resources\":["
                            + "{\"id\":\"1\",\"userName\":\"ann@example.org\"},"
                            + "{\"id\":\"2\",\"userName\":\"bob@example.org\"}]}")));

    try (ScimClient client = generic()) {
      assertThat(client.findUserByUserName("BOB@example.org")).map(u -> u.getId()).hasValue("2");
      assertThat(client.learnedCapabilities()).containsEntry("filter", "false");
      wm.resetRequests();
      assertThat(client.findUserByUserName("ann@example.org")).map(u -> u.getId()).hasValue("1");
    }
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/scim/v2/Users"))))
        .allSatisfy(r -> assertThat(r.getUrl()).doesNotContain("filter"));
  }

  @Test
  void discoveryReadsPagingAndMembersOnRequestAndTheConfigurationWins() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/ServiceProviderConfig"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"patch\":{\"supported\":true},\"filter\":{\"supported\":true,"
                            + "\"maxResults\":50},\"pagination\":{\"cursor\":true,"
                            + "\"index\":false}}")));
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Schemas"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"Resources\":[{\"id\":\"urn:ietf:params:scim:schemas:core:2.0:Group\","
                            + "\"attributes\":[{\"name\":\"members\",\"returned\":\"request\"}]}]}")));
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/ResourceTypes")).willReturn(aResponse().withStatus(404)));

    try (ScimClient client =
        ScimClient.create(
            ScimWireMock.config(wm.getRuntimeInfo(), TargetProfile.GENERIC)
                .capabilities(TargetCapabilities.parse(Map.of("maxResults", "20")))
                .build())) {
      List<KnownCapability> known = client.discoverCapabilities();
      assertThat(known)
          .extracting(KnownCapability::toString)
          .contains(
              "paging: cursor (announced by the target)",
              "membersOnRequest: true (announced by the target)",
              "maxResults: 20 (target.capabilities)");
    }
  }

  @Test
  void theAwsProfileLearnsNothing() {
    wm.stubFor(
        patch(urlPathEqualTo(GROUPS))
            .willReturn(aResponse().withStatus(400).withBody(refusal("Invalid path"))));

    try (ScimClient client =
        ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER)) {
      assertThatThrownBy(() -> client.patchGroupMembers("g1", List.of(), List.of("u1")))
          .isInstanceOf(ScimBadRequestException.class);
      assertThat(client.learnedCapabilities()).isEmpty();
    }
    assertThat(wm.findAll(patchRequestedFor(urlPathEqualTo(GROUPS)))).hasSize(1);
  }

  @Test
  void anotherRemovalStyleThatIsIgnoredIsNotLearned() throws Exception {
    wm.stubFor(
        patch(urlPathEqualTo(GROUPS))
            .withRequestBody(containing("members[value"))
            .willReturn(aResponse().withStatus(400).withBody(refusal("Invalid path"))));
    wm.stubFor(
        patch(urlPathEqualTo(GROUPS))
            .withRequestBody(notContaining("members[value"))
            .willReturn(aResponse().withStatus(200).withBody(GROUP)));
    // the value list was answered 200, but the member is still there
    wm.stubFor(
        get(urlPathEqualTo(GROUPS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"id\":\"g1\",\"displayName\":\"Engineers\","
                            + "\"members\":[{\"value\":\"u1\"}]}")));

    try (ScimClient client = generic()) {
      assertThat(client.patchGroupMembers("g1", List.of(), List.of("u1")))
          .singleElement()
          .satisfies(r -> assertThat(r.refusal().detail()).isEqualTo("Invalid path"));
      assertThat(client.learnedCapabilities()).doesNotContainKey("memberRemoval");
    }
  }

  @Test
  void removingAMemberThatIsNoLongerThereIsNoRefusal() {
    wm.stubFor(
        patch(urlPathEqualTo(GROUPS))
            .withRequestBody(containing("u2"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"status\":\"400\",\"scimType\":\"noTarget\",\"detail\":\"none\"}")));
    wm.stubFor(
        patch(urlPathEqualTo(GROUPS))
            .withRequestBody(notContaining("u2"))
            .willReturn(aResponse().withStatus(204)));

    try (ScimClient client = generic()) {
      assertThat(client.patchGroupMembers("g1", List.of(), List.of("u1", "u2", "u3"))).isEmpty();
      assertThat(client.learnedCapabilities()).doesNotContainKey("memberRemoval");
    }
  }
}
