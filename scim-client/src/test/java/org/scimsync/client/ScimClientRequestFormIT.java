package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.patch.PatchOperationPath;
import org.apache.directory.scim.spec.resources.Name;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every request looks like on the wire, and the target's request id on failures. */
class ScimClientRequestFormIT {

  @RegisterExtension static WireMockExtension wm = ScimWireMock.server();

  private static final String ANN =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"u1\","
          + "\"userName\":\"ann\",\"displayName\":\"Ann Example\","
          + "\"name\":{\"givenName\":\"Ann\",\"familyName\":\"Example\"}}";

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

  private ScimClient client() {
    return ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER);
  }

  private static void stubEveryUserCall() {
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/Users"))
            .willReturn(aResponse().withStatus(201).withBody(ANN)));
    wm.stubFor(
        put(urlPathEqualTo("/scim/v2/Users/u1"))
            .willReturn(aResponse().withStatus(200).withBody(ANN)));
    wm.stubFor(patch(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(aResponse().withStatus(204)));
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/u1"))
            .willReturn(aResponse().withStatus(200).withBody(ANN)));
    wm.stubFor(delete(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(aResponse().withStatus(204)));
  }

  private static void callEveryUserOperation(ScimClient client) throws FilterParseException {
    client.createUser(ann());
    client.replaceUser("u1", ann());
    client.patchUser(
        "u1",
        List.of(
            new PatchOperation()
                .setOperation(PatchOperation.Type.REPLACE)
                .setPath(PatchOperationPath.fromString("displayName"))
                .setValue("Ann E.")));
    client.getUser("u1");
    client.deleteUser("u1");
  }

  @Test
  void sendsEveryBodyWithItsContentLengthAndNeverChunked() throws FilterParseException {
    stubEveryUserCall();

    try (ScimClient client = client()) {
      callEveryUserOperation(client);
    }

    List<LoggedRequest> withBody =
        wm.getAllServeEvents().stream()
            .map(event -> event.getRequest())
            .filter(r -> List.of("POST", "PUT", "PATCH").contains(r.getMethod().getName()))
            .toList();
    assertThat(withBody)
        .extracting(r -> r.getMethod().getName())
        .containsExactlyInAnyOrder("POST", "PUT", "PATCH");
    for (LoggedRequest request : withBody) {
      int bytes = request.getBodyAsString().getBytes(StandardCharsets.UTF_8).length;
      assertThat(bytes).as(request.getMethod().getName()).isPositive();
      assertThat(request.getHeader("Content-Length"))
          .as("Content-Length of %s", request.getMethod().getName())
          .isEqualTo(String.valueOf(bytes));
      assertThat(request.containsHeader("Transfer-Encoding"))
          .as("Transfer-Encoding on %s", request.getMethod().getName())
          .isFalse();
    }
  }

  @Test
  void sendsTheScimSyncUserAgentWithItsVersionOnEveryRequest() throws FilterParseException {
    stubEveryUserCall();
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/ServiceProviderConfig"))
            .willReturn(aResponse().withStatus(200).withBody("{}")));

    try (ScimClient client = client()) {
      client.serviceProviderConfig();
      callEveryUserOperation(client);
    }

    List<LoggedRequest> requests =
        wm.getAllServeEvents().stream().map(event -> event.getRequest()).toList();
    assertThat(requests).hasSize(6);
    // The version comes from the Maven-filtered resource: an unfiltered build would say "dev" or
    // "${project.version}".
    assertThat(requests)
        .extracting(r -> r.getHeader("User-Agent"))
        .allSatisfy(agent -> assertThat(agent).matches("scim-sync/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"));
  }

  @Test
  void keepsTheRequestIdOfAnAwsErrorBodyInTheExceptionAndItsMessage() {
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/Users"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("x-amzn-RequestId", "from-header")
                    .withBody(
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                            + "\"detail\":\"Request is unparsable\",\"status\":\"400\","
                            + "\"exceptionRequestId\":\"abc-123\","
                            + "\"timeStamp\":\"2024-01-01 10:00:00.000\"}")));

    try (ScimClient client = client()) {
      assertThatThrownBy(() -> client.createUser(ann()))
          .isInstanceOfSatisfying(
              ScimBadRequestException.class,
              e -> {
                assertThat(e.requestId()).isEqualTo("abc-123");
                assertThat(e.getMessage())
                    .isEqualTo(
                        "CreateUser failed: HTTP 400: Request is unparsable (request id abc-123)");
              });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"x-amzn-RequestId", "X-Request-Id"})
  void fallsBackToTheRequestIdHeader(String header) {
    wm.stubFor(
        get(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader(header, "hdr-42")
                    .withBody("<html>Internal error</html>")));

    try (ScimClient client = client()) {
      assertThatThrownBy(() -> client.getUser("u1"))
          .isInstanceOfSatisfying(
              ScimServerException.class,
              e -> {
                assertThat(e.requestId()).isEqualTo("hdr-42");
                assertThat(e.getMessage()).endsWith("(request id hdr-42)");
              });
    }
  }

  @Test
  void saysNothingOfARequestIdWhenThereIsNone() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(403)));

    try (ScimClient client = client()) {
      assertThatThrownBy(() -> client.getUser("u1"))
          .isInstanceOfSatisfying(
              ScimUnauthorizedException.class,
              e -> {
                assertThat(e.requestId()).isNull();
                assertThat(e.getMessage()).isEqualTo("GetUser failed: HTTP 403");
              });
    }
  }
}
