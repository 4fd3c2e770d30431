package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.patch.PatchOperationPath;
import org.apache.directory.scim.spec.resources.GroupMembership;
import org.apache.directory.scim.spec.resources.Name;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A wrong tenant id answers 404 "TENANT does not exist." (idp-scim-sync #42): a configuration error
 * that stops the run, never "the object is gone".
 */
class ScimClientWrongTenantIT {

  @RegisterExtension static WireMockExtension wm = ScimWireMock.server();

  private static final String NO_TENANT =
      "{\"schema\":\"urn:ietf:params:scim:api:messages:2.0:Error\","
          + "\"detail\":\"TENANT does not exist.\",\"status\":\"404\","
          + "\"exceptionRequestId\":\"t-404\"}";

  private static ScimClient client() {
    return ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER);
  }

  private static ScimUser user() {
    ScimUser user = new ScimUser();
    user.setUserName("ann");
    user.setDisplayName("Ann Example");
    Name name = new Name();
    name.setGivenName("Ann");
    name.setFamilyName("Example");
    user.setName(name);
    return user;
  }

  private static ScimGroup groupWithMember() {
    ScimGroup group = new ScimGroup();
    group.setDisplayName("Engineers");
    GroupMembership member = new GroupMembership();
    member.setValue("u-ghost");
    group.setMembers(List.of(member));
    return group;
  }

  static Stream<Arguments> collectionCalls() {
    return Stream.of(
        Arguments.of(
            "ListUsers", "Users", (Consumer<ScimClient>) c -> c.listUsers().forEach(u -> {})),
        Arguments.of(
            "ListGroups", "Groups", (Consumer<ScimClient>) c -> c.listGroups().forEach(g -> {})),
        Arguments.of("ListUsers", "Users", (Consumer<ScimClient>) c -> c.findUserByUserName("ann")),
        Arguments.of("CreateUser", "Users", (Consumer<ScimClient>) c -> c.createUser(user())),
        Arguments.of(
            "CreateGroup", "Groups", (Consumer<ScimClient>) c -> c.createGroup(groupWithMember())),
        Arguments.of(
            "ServiceProviderConfig",
            "ServiceProviderConfig",
            (Consumer<ScimClient>) ScimClient::serviceProviderConfig));
  }

  @ParameterizedTest(name = "{0} on /{1}")
  @MethodSource("collectionCalls")
  void aNotFoundCollectionIsAConfigurationErrorNamingTheTenant(
      String api, String collection, Consumer<ScimClient> call) {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/" + collection))
            .willReturn(aResponse().withStatus(404).withBody(NO_TENANT)));
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/" + collection))
            .willReturn(aResponse().withStatus(404).withBody(NO_TENANT)));

    try (ScimClient client = client()) {
      assertThatThrownBy(() -> call.accept(client))
          .isInstanceOfSatisfying(
              ScimTargetNotFoundException.class,
              e -> {
                assertThat(e).isInstanceOf(ScimUnauthorizedException.class);
                assertThat(e).isNotInstanceOf(ScimNotFoundException.class);
                assertThat(e.kind()).isEqualTo(ScimException.Kind.AUTH_REFUSED);
                assertThat(e.api()).isEqualTo(api);
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.detail()).isEqualTo("TENANT does not exist.");
                assertThat(e.requestId()).isEqualTo("t-404");
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage())
                    .contains(
                        "/" + collection,
                        "check the tenant id in target.url "
                            + ScimWireMock.baseUrl(wm.getRuntimeInfo())
                            + "/",
                        "\"TENANT does not exist.\"",
                        "(request id t-404)")
                    .doesNotContain(ScimWireMock.TOKEN);
              });
    }
    // Terminal at once: no retry.
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void aNotFoundResourceStaysNotFound() {
    MappingBuilder[] stubs = {
      get(urlPathEqualTo("/scim/v2/Users/u1")),
      patch(urlPathEqualTo("/scim/v2/Users/u1")),
      delete(urlPathEqualTo("/scim/v2/Users/u1"))
    };
    for (MappingBuilder stub : stubs) {
      wm.stubFor(
          stub.willReturn(
              aResponse()
                  .withStatus(404)
                  .withBody("{\"detail\":\"User u1 not found.\",\"status\":\"404\"}")));
    }

    try (ScimClient client = client()) {
      assertThat(client.getUser("u1")).isEmpty();
      assertThatThrownBy(
              () ->
                  client.patchUser(
                      "u1",
                      List.of(
                          new PatchOperation()
                              .setOperation(PatchOperation.Type.REPLACE)
                              .setPath(PatchOperationPath.fromString("displayName"))
                              .setValue("A"))))
          .isExactlyInstanceOf(ScimNotFoundException.class)
          .extracting(e -> ((ScimException) e).kind())
          .isEqualTo(ScimException.Kind.CHANGE_REJECTED);
      client.deleteUser("u1");
    }
  }

  @Test
  void anUnknownMemberInAFilterOrACreateIsNoTenantError() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Groups"))
            .withQueryParam("filter", equalTo("members.value eq \"u-ghost\""))
            .willReturn(
                aResponse().withStatus(404).withBody("{\"detail\":\"User u-ghost not found.\"}")));
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/Groups"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"detail\":\"Member user u-ghost not found.\"}")));

    try (ScimClient client = client()) {
      assertThat(client.groupsOfUser("u-ghost")).isEmpty();
      assertThat(client.isMember("g1", "u-ghost")).isFalse();
      assertThatThrownBy(() -> client.createGroup(groupWithMember()))
          .isExactlyInstanceOf(ScimNotFoundException.class)
          .hasMessageContaining("Member user u-ghost not found.");
    }
  }

  @Test
  void aMemberFilterThatNamesTheTenantStillStopsTheRun() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Groups"))
            .willReturn(aResponse().withStatus(404).withBody(NO_TENANT)));

    try (ScimClient client = client()) {
      assertThatThrownBy(() -> client.groupsOfUser("u1"))
          .isInstanceOf(ScimTargetNotFoundException.class);
      assertThatThrownBy(() -> client.isMember("g1", "u1"))
          .isInstanceOf(ScimTargetNotFoundException.class);
    }
  }
}
