package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.directory.scim.spec.resources.Name;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScimClientErrorsIT {

  @RegisterExtension static WireMockExtension wm = ScimWireMock.server();

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

  private ScimClient client() {
    return ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER);
  }

  private void stubCreate(int status, String body) {
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/Users"))
            .willReturn(aResponse().withStatus(status).withBody(body)));
  }

  @Test
  void mapsAnAwsConflictBodyWithAStringStatus() {
    stubCreate(
        409,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
            + "\"detail\":\"Refused to create a new, duplicate resource.\",\"status\":\"409\"}");

    try (ScimClient client = client()) {
      assertThatThrownBy(() -> client.createUser(user()))
          .isInstanceOfSatisfying(
              ScimConflictException.class,
              e -> {
                assertThat(e.status()).isEqualTo(409);
                assertThat(e.api()).isEqualTo("CreateUser");
                assertThat(e.detail()).isEqualTo("Refused to create a new, duplicate resource.");
                assertThat(e.scimType()).isNull();
                assertThat(e.retryable()).isFalse();
                assertThat(e.kind()).isEqualTo(ScimException.Kind.CHANGE_REJECTED);
                assertThat(e.getMessage())
                    .contains("CreateUser", "409", "Refused to create a new, duplicate resource.");
              });
    }
    // 409 is terminal: no retry.
    wm.verify(
        1,
        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
            urlPathEqualTo("/scim/v2/Users")));
  }

  @Test
  void readsA2022AwsBodyWithASingleSchemaString() {
    stubCreate(
        409,
        "{\"schema\":\"urn:ietf:params:scim:api:messages:2.0:Error\","
            + "\"detail\":\"Refused to create a new, duplicate resource.\",\"status\":\"409\","
            + "\"exceptionRequestId\":\"r-2022\",\"timeStamp\":\"2022-03-01 12:00:00.0\"}");

    try (ScimClient client = client()) {
      assertThatThrownBy(() -> client.createUser(user()))
          .isInstanceOfSatisfying(
              ScimConflictException.class,
              e -> {
                assertThat(e.detail()).isEqualTo("Refused to create a new, duplicate resource.");
                assertThat(e.requestId()).isEqualTo("r-2022");
              });
    }
  }

  @Test
  void mapsAnRfcBadRequestBodyWithANumericStatusAndScimType() {
    stubCreate(
        400,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
            + "\"scimType\":\"invalidValue\",\"detail\":\"name.familyName is required\",\"status\":400}");

    try (ScimClient client = client()) {
      assertThatThrownBy(() -> client.createUser(user()))
          .isInstanceOfSatisfying(
              ScimBadRequestException.class,
              e -> {
                assertThat(e.detail()).isEqualTo("name.familyName is required");
                assertThat(e.scimType()).isEqualTo("invalidValue");
                assertThat(e.getMessage()).contains("scimType=invalidValue");
              });
    }
  }

  @Test
  void keepsTheStartOfANonJsonBodyAsDetail() {
    stubCreate(400, "<html><body>Bad gateway config</body></html>");

    try (ScimClient client = client()) {
      assertThatThrownBy(() -> client.createUser(user()))
          .isInstanceOfSatisfying(
              ScimBadRequestException.class,
              e -> assertThat(e.detail()).contains("Bad gateway config"));
    }
  }

  @Test
  void reportsAnUnknownStatusAsAPlainScimException() {
    stubCreate(422, "{\"detail\":\"unprocessable\",\"status\":\"422\"}");

    try (ScimClient client = client()) {
      assertThatThrownBy(() -> client.createUser(user()))
          .isExactlyInstanceOf(ScimException.class)
          .satisfies(
              e -> {
                ScimException scim = (ScimException) e;
                assertThat(scim.status()).isEqualTo(422);
                assertThat(scim.detail()).isEqualTo("unprocessable");
              });
    }
  }

  @Test
  void mapsUnauthorizedAndForbiddenToTheRunStoppingError() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/ServiceProviderConfig"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"detail\":\"Unauthorized\",\"status\":\"401\"}")));
    wm.stubFor(get(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(aResponse().withStatus(403)));

    try (ScimClient client = client()) {
      assertThatThrownBy(client::serviceProviderConfig)
          .isInstanceOfSatisfying(
              ScimUnauthorizedException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.kind()).isEqualTo(ScimException.Kind.AUTH_REFUSED);
              });
      assertThatThrownBy(() -> client.getUser("u1"))
          .isInstanceOfSatisfying(
              ScimUnauthorizedException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
  }

  @Test
  void mapsPreconditionFailed() {
    wm.stubFor(any(urlPathMatching("/scim/v2/Users/u1")).willReturn(aResponse().withStatus(412)));

    try (ScimClient client = client()) {
      assertThatThrownBy(() -> client.replaceUser("u1", user()))
          .isInstanceOf(ScimPreconditionFailedException.class);
    }
  }

  @Test
  void treatsNotFoundAsEmptyOnGetAndAsDoneOnDelete() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/gone"))
            .willReturn(aResponse().withStatus(404).withBody("{\"status\":\"404\"}")));
    wm.stubFor(
        delete(urlPathEqualTo("/scim/v2/Users/gone")).willReturn(aResponse().withStatus(404)));
    wm.stubFor(
        delete(urlPathEqualTo("/scim/v2/Groups/gone")).willReturn(aResponse().withStatus(404)));

    try (ScimClient client = client()) {
      assertThat(client.getUser("gone")).isEmpty();
      assertThatCode(() -> client.deleteUser("gone")).doesNotThrowAnyException();
      assertThatCode(() -> client.deleteGroup("gone")).doesNotThrowAnyException();
    }
    wm.verify(1, deleteRequestedFor(urlPathEqualTo("/scim/v2/Users/gone")));
  }
}
