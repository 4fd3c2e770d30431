package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.util.stream.IntStream;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.patch.PatchOperationPath;
import org.apache.directory.scim.spec.resources.GroupMembership;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScimClientMembershipIT {

  @RegisterExtension static WireMockExtension wm = ScimWireMock.server();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GROUP =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"id\":\"g1\",\"displayName\":\"Engineers\"}";

  private static List<String> ids(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
  }

  private static List<JsonNode> patchBodies() throws Exception {
    List<JsonNode> bodies = new ArrayList<>();
    for (LoggedRequest request :
        wm.findAll(patchRequestedFor(urlPathEqualTo("/scim/v2/Groups/g1")))) {
      bodies.add(JSON.readTree(request.getBodyAsString()));
    }
    return bodies;
  }

  /** Members added plus removed in one PATCH body. */
  private static int changes(JsonNode body) {
    int count = 0;
    for (JsonNode op : body.get("Operations")) {
      count += op.has("value") && op.get("value").isArray() ? op.get("value").size() : 1;
    }
    return count;
  }

  private static List<String> opNames(List<JsonNode> bodies) {
    List<String> names = new ArrayList<>();
    bodies.forEach(b -> b.get("Operations").forEach(op -> names.add(op.get("op").asText())));
    return names;
  }

  private ScimClient client(TargetProfile profile) {
    return ScimWireMock.client(wm.getRuntimeInfo(), profile);
  }

  @Test
  void splits250AddedMembersIntoThreeRequestsOfAtMost100() throws Exception {
    wm.stubFor(patch(urlPathEqualTo("/scim/v2/Groups/g1")).willReturn(aResponse().withStatus(204)));

    try (ScimClient client = client(TargetProfile.AWS_IDENTITY_CENTER)) {
      client.patchGroupMembers("g1", ids("u", 250), List.of());
    }
    List<JsonNode> bodies = patchBodies();
    assertThat(bodies).hasSize(3);
    assertThat(bodies).extracting(ScimClientMembershipIT::changes).containsExactly(100, 100, 50);
    assertThat(opNames(bodies)).containsOnly("add");
    List<String> sent = new ArrayList<>();
    bodies.forEach(
        b ->
            b.get("Operations")
                .forEach(op -> op.get("value").forEach(v -> sent.add(v.get("value").asText()))));
    assertThat(sent).containsExactlyElementsOf(ids("u", 250));
  }

  @Test
  void splitsMixedAddsAndRemovesWithoutReplaceAndRemovesByValueListForAws() throws Exception {
    wm.stubFor(patch(urlPathEqualTo("/scim/v2/Groups/g1")).willReturn(aResponse().withStatus(204)));

    try (ScimClient client = client(TargetProfile.AWS_IDENTITY_CENTER)) {
      client.patchGroupMembers("g1", ids("new", 150), ids("old", 100));
    }
    List<JsonNode> bodies = patchBodies();
    assertThat(bodies).hasSize(3);
    assertThat(bodies).allSatisfy(b -> assertThat(changes(b)).isLessThanOrEqualTo(100));
    assertThat(bodies.stream().mapToInt(ScimClientMembershipIT::changes).sum()).isEqualTo(250);
    assertThat(opNames(bodies)).doesNotContain("replace");
    bodies.forEach(
        b ->
            b.get("Operations")
                .forEach(
                    op -> {
                      assertThat(op.get("path").asText()).isEqualTo("members");
                      assertThat(op.get("value").isArray()).isTrue();
                    }));
  }

  @Test
  void removesMembersWithValuePathFiltersForGenericTargets() throws Exception {
    wm.stubFor(
        patch(urlPathEqualTo("/scim/v2/Groups/g1"))
            .willReturn(aResponse().withStatus(200).withBody(GROUP)));

    try (ScimClient client = client(TargetProfile.GENERIC)) {
      client.patchGroupMembers("g1", List.of("a"), List.of("b\"1"));
    }
    JsonNode body = patchBodies().get(0);
    assertThat(body.get("Operations")).hasSize(2);
    assertThat(body.get("Operations").get(0).get("op").asText()).isEqualTo("add");
    JsonNode remove = body.get("Operations").get(1);
    assertThat(remove.get("op").asText()).isEqualTo("remove");
    assertThat(remove.get("path").asText()).matches("members\\[value (eq|EQ) \"b\\\\\"1\"\\]");
    assertThat(remove.has("value")).isFalse();
  }

  @Test
  void createsALargeGroupWith100InlineMembersAndPatchesTheRest() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/Groups"))
            .willReturn(aResponse().withStatus(201).withBody(GROUP)));
    wm.stubFor(patch(urlPathEqualTo("/scim/v2/Groups/g1")).willReturn(aResponse().withStatus(204)));
    ScimGroup group = new ScimGroup();
    group.setDisplayName("Engineers");
    ids("u", 250).forEach(id -> group.addMember(new GroupMembership().setValue(id)));

    try (ScimClient client = client(TargetProfile.AWS_IDENTITY_CENTER)) {
      assertThat(client.createGroup(group).getId()).isEqualTo("g1");
    }
    LoggedRequest create = wm.findAll(postRequestedFor(urlPathEqualTo("/scim/v2/Groups"))).get(0);
    JsonNode created = JSON.readTree(create.getBodyAsString());
    assertThat(created.get("members")).hasSize(100);
    assertThat(created.get("displayName").asText()).isEqualTo("Engineers");
    assertThat(patchBodies()).extracting(ScimClientMembershipIT::changes).containsExactly(100, 50);
    assertThat(group.getMembers()).as("the caller's group is left as it was").hasSize(250);
  }

  @Test
  void createsGroupsWith100InlineMembersAndReplacesThemInOneRequestForGenericTargets()
      throws Exception {
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/Groups"))
            .willReturn(aResponse().withStatus(201).withBody(GROUP)));
    wm.stubFor(
        patch(urlPathEqualTo("/scim/v2/Groups/g1"))
            .willReturn(aResponse().withStatus(200).withBody(GROUP)));
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo("/scim/v2/Groups/g1"))
            .willReturn(aResponse().withStatus(200).withBody(GROUP)));
    ScimGroup group = new ScimGroup();
    group.setDisplayName("Engineers");
    ids("u", 250).forEach(id -> group.addMember(new GroupMembership().setValue(id)));

    try (ScimClient client = client(TargetProfile.GENERIC)) {
      client.createGroup(group);
      assertThat(client.replaceGroup("g1", group).getId()).isEqualTo("g1");
    }
    LoggedRequest create = wm.findAll(postRequestedFor(urlPathEqualTo("/scim/v2/Groups"))).get(0);
    assertThat(JSON.readTree(create.getBodyAsString()).get("members")).hasSize(100);
    assertThat(patchBodies()).extracting(ScimClientMembershipIT::changes).containsExactly(150);
    wm.verify(
        com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
            urlPathEqualTo("/scim/v2/Groups/g1")));
  }

  @Test
  void refusesGroupReplacementAndMemberReplaceForAwsWithoutSending() throws FilterParseException {
    PatchOperation replaceMembers =
        new PatchOperation()
            .setOperation(PatchOperation.Type.REPLACE)
            .setPath(PatchOperationPath.fromString("members"))
            .setValue(List.of(java.util.Map.of("value", "u1")));
    PatchOperation removeAll =
        new PatchOperation()
            .setOperation(PatchOperation.Type.REMOVE)
            .setPath(PatchOperationPath.fromString("members"));

    try (ScimClient client = client(TargetProfile.AWS_IDENTITY_CENTER)) {
      assertThatThrownBy(() -> client.replaceGroup("g1", new ScimGroup()))
          .isInstanceOfSatisfying(
              ScimUnsupportedException.class,
              e -> {
                assertThat(e.api()).isEqualTo("PutGroup");
                assertThat(e.kind()).isEqualTo(ScimException.Kind.UNSUPPORTED);
              });
      assertThatThrownBy(() -> client.patchGroup("g1", List.of(replaceMembers)))
          .isInstanceOf(ScimUnsupportedException.class)
          .hasMessageContaining("replace on members");
      assertThatThrownBy(() -> client.patchGroup("g1", List.of(removeAll)))
          .isInstanceOf(ScimUnsupportedException.class);
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void findsTheGroupsOfAUserWithAMembersFilterAndTreatsNotFoundAsNone() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Groups"))
            .withQueryParam("filter", equalTo("members.value eq \"u1\""))
            .willReturn(aResponse().withStatus(200).withBody("{\"Resources\":[" + GROUP + "]}")));
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Groups"))
            .withQueryParam("filter", equalTo("members.value eq \"ghost\""))
            .willReturn(aResponse().withStatus(404).withBody("{\"status\":\"404\"}")));

    try (ScimClient client = client(TargetProfile.AWS_IDENTITY_CENTER)) {
      assertThat(client.groupsOfUser("u1")).extracting(ScimGroup::getId).containsExactly("g1");
      assertThat(client.groupsOfUser("ghost")).isEmpty();
    }
  }

  @Test
  void checksOneMembershipWithAnIdAndMembersFilterForAws() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Groups"))
            .withQueryParam("filter", equalTo("id eq \"g1\" and members eq \"u1\""))
            .willReturn(aResponse().withStatus(200).withBody("{\"Resources\":[" + GROUP + "]}")));
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Groups"))
            .withQueryParam("filter", equalTo("id eq \"g1\" and members eq \"u2\""))
            .willReturn(aResponse().withStatus(200).withBody("{\"Resources\":[]}")));

    try (ScimClient client = client(TargetProfile.AWS_IDENTITY_CENTER)) {
      assertThat(client.isMember("g1", "u1")).isTrue();
      assertThat(client.isMember("g1", "u2")).isFalse();
    }
  }

  @Test
  void checksOneMembershipByReadingTheGroupForGenericTargets() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Groups/g1"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"id\":\"g1\","
                            + "\"displayName\":\"Engineers\",\"members\":[{\"value\":\"u1\"}]}")));

    try (ScimClient client = client(TargetProfile.GENERIC)) {
      assertThat(client.isMember("g1", "u1")).isTrue();
      assertThat(client.isMember("g1", "u2")).isFalse();
    }
  }
}
