package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.patch.PatchOperationPath;
import org.apache.directory.scim.spec.resources.Name;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScimClientCrudIT {

  @RegisterExtension static WireMockExtension wm = ScimWireMock.server();

  private static final String ANN =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
          + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],"
          + "\"id\":\"u1\",\"externalId\":\"ext-1\",\"userName\":\"ann\",\"displayName\":\"Ann Example\","
          + "\"name\":{\"givenName\":\"Ann\",\"familyName\":\"Example\"},\"active\":true,"
          + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"R&D\"},"
          + "\"meta\":{\"resourceType\":\"User\",\"created\":\"2020-04-07T23:59:09Z\","
          + "\"lastModified\":\"2020-04-07T23:59:09Z\"}}";

  private static ScimUser ann() {
    ScimUser user = new ScimUser();
    user.setUserName("ann");
    user.setDisplayName("Ann Example");
    user.setExternalId("ext-1");
    Name name = new Name();
    name.setGivenName("Ann");
    name.setFamilyName("Example");
    user.setName(name);
    user.setActive(true);
    EnterpriseExtension enterprise = new EnterpriseExtension();
    enterprise.setDepartment("R&D");
    user.addExtension(enterprise);
    return user;
  }

  private ScimClient client() {
    return ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER);
  }

  @Test
  void createsAUserWithTheEnterpriseExtensionAndBearerToken() {
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/Users"))
            .willReturn(aResponse().withStatus(201).withBody(ANN)));

    try (ScimClient client = client()) {
      ScimUser created = client.createUser(ann());

      assertThat(created.getId()).isEqualTo("u1");
      assertThat(created.getExtension(EnterpriseExtension.class).getDepartment()).isEqualTo("R&D");
    }
    wm.verify(
        postRequestedFor(urlPathEqualTo("/scim/v2/Users"))
            .withHeader("Authorization", equalTo("Bearer " + ScimWireMock.TOKEN))
            .withHeader("Content-Type", containing("application/scim+json"))
            .withRequestBody(
                equalToJson(
                    "{\"userName\":\"ann\",\"displayName\":\"Ann Example\",\"externalId\":\"ext-1\","
                        + "\"name\":{\"givenName\":\"Ann\",\"familyName\":\"Example\"},\"active\":true,"
                        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"R&D\"}}",
                    false,
                    true)));
  }

  @Test
  void getsReplacesPatchesAndDeletesAUser() throws FilterParseException {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/u1"))
            .willReturn(aResponse().withStatus(200).withBody(ANN)));
    wm.stubFor(
        put(urlPathEqualTo("/scim/v2/Users/u1"))
            .willReturn(aResponse().withStatus(200).withBody(ANN)));
    // AWS answers PATCH with 204 and no body.
    wm.stubFor(patch(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(aResponse().withStatus(204)));
    wm.stubFor(delete(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(aResponse().withStatus(204)));

    try (ScimClient client = client()) {
      assertThat(client.getUser("u1")).get().extracting(ScimUser::getExternalId).isEqualTo("ext-1");
      assertThat(client.replaceUser("u1", ann()).getId()).isEqualTo("u1");
      client.patchUser(
          "u1",
          List.of(
              new PatchOperation()
                  .setOperation(PatchOperation.Type.REPLACE)
                  .setPath(PatchOperationPath.fromString("active"))
                  .setValue(false)));
      client.deleteUser("u1");
    }
    wm.verify(putRequestedFor(urlPathEqualTo("/scim/v2/Users/u1")));
    wm.verify(
        patchRequestedFor(urlPathEqualTo("/scim/v2/Users/u1"))
            .withRequestBody(
                equalToJson(
                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}")));
    wm.verify(deleteRequestedFor(urlPathEqualTo("/scim/v2/Users/u1")));
  }

  @Test
  void acceptsAPatchAnswerWithABody() {
    wm.stubFor(
        patch(urlPathEqualTo("/scim/v2/Users/u1"))
            .willReturn(aResponse().withStatus(200).withBody(ANN)));

    try (ScimClient client = client()) {
      client.patchUser(
          "u1",
          List.of(
              new PatchOperation()
                  .setOperation(PatchOperation.Type.REPLACE)
                  .setValue(java.util.Map.of("displayName", "Ann E."))));
    }
    wm.verify(1, patchRequestedFor(urlPathEqualTo("/scim/v2/Users/u1")));
  }

  @Test
  void escapesQuotesBackslashesAndBracesInFilterValues() {
    String tricky = "o\"brien\\dev {x}&y=1";
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users"))
            .willReturn(aResponse().withStatus(200).withBody("{\"Resources\":[" + ANN + "]}")));

    try (ScimClient client = client()) {
      assertThat(client.findUsers(ScimFilter.eq("userName", tricky))).hasSize(1);
    }
    wm.verify(
        getRequestedFor(urlPathEqualTo("/scim/v2/Users"))
            .withQueryParam("filter", equalTo("userName eq \"o\\\"brien\\\\dev {x}&y=1\"")));
  }

  @Test
  void findsByExternalIdAndPrefersTheExactMatch() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users"))
            .withQueryParam("filter", equalTo("externalId eq \"ext-1\""))
            .willReturn(aResponse().withStatus(200).withBody("{\"Resources\":[" + ANN + "]}")));
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users"))
            .withQueryParam("filter", equalTo("externalId eq \"nobody\""))
            .willReturn(aResponse().withStatus(200).withBody("{\"Resources\":[]}")));

    try (ScimClient client = client()) {
      assertThat(client.findUserByExternalId("ext-1"))
          .get()
          .extracting(ScimUser::getId)
          .isEqualTo("u1");
      assertThat(client.findUserByExternalId("nobody")).isEmpty();
    }
  }

  @Test
  void neverReturnsAFoundUserThatDoesNotMatch() {
    // A server that ignores the filter and answers with someone else.
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users"))
            .willReturn(aResponse().withStatus(200).withBody("{\"Resources\":[" + ANN + "]}")));

    try (ScimClient client = client()) {
      assertThat(client.findUserByUserName("bob")).isEmpty();
      assertThat(client.findUserByUserName("ANN")).as("userName ignoring case").isPresent();
      assertThat(client.findUserByExternalId("EXT-1")).as("externalId is exact").isEmpty();
    }
  }

  @Test
  void convertsUsersToJsonTreesWithTheSharedMapper() {
    try (ScimClient client = client()) {
      ObjectNode tree = client.objectMapper().valueToTree(ann());

      assertThat(
              tree.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
                  .path("department")
                  .asText())
          .isEqualTo("R&D");
      ScimUser back = client.objectMapper().convertValue(tree, ScimUser.class);
      assertThat(back.getExtension(EnterpriseExtension.class).getDepartment()).isEqualTo("R&D");
    }
  }

  @Test
  void readsTheServiceProviderConfig() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/ServiceProviderConfig"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig\"],"
                            + "\"patch\":{\"supported\":true},\"bulk\":{\"supported\":false,\"maxOperations\":1,\"maxPayloadSize\":1048576},"
                            + "\"filter\":{\"supported\":true,\"maxResults\":50},\"changePassword\":{\"supported\":false},"
                            + "\"sort\":{\"supported\":false},\"etag\":{\"supported\":false},"
                            + "\"authenticationSchemes\":[{\"type\":\"oauthbearertoken\",\"name\":\"OAuth Bearer Token\",\"primary\":true}]}")));

    try (ScimClient client = client()) {
      assertThat(client.serviceProviderConfig())
          .isEqualTo(new ServiceProviderInfo(true, false, true, 50, false, false, false));
    }
  }
}
