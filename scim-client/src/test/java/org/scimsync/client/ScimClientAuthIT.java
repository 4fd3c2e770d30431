package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scimsync.common.Secret;

/** Target authentication: basic credentials and OAuth 2.0 client credentials with renewal. */
class ScimClientAuthIT {

  @RegisterExtension static WireMockExtension wm = ScimWireMock.server();

  private static final String CLIENT_ID = "scim-client";
  private static final String CLIENT_SECRET = "cl-7e2a-SECRET";
  private static final String USER =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"u1\",\"userName\":\"ann\"}";

  private final MutableClock clock = new MutableClock();

  private static URI tokenUrl() {
    return URI.create(wm.getRuntimeInfo().getHttpBaseUrl() + "/oauth2/token");
  }

  private static TargetAuth oauth() {
    return new TargetAuth.OAuth2ClientCredentials(
        tokenUrl(), CLIENT_ID, Secret.of(CLIENT_SECRET), "scim:write", "https://scim.example");
  }

  private ScimClient client(TargetAuth auth) {
    return ScimClient.create(
        ScimClientConfig.builder(
                ScimWireMock.baseUrl(wm.getRuntimeInfo()), auth, TargetProfile.GENERIC)
            .retry(ScimWireMock.FAST_RETRY)
            .rateLimits(RateLimits.UNLIMITED)
            .build(),
        clock);
  }

  /** The token endpoint hands out tok-1, tok-2, ... in turn, each valid for 60 s. */
  private static void stubTokens(int count) {
    String state = STARTED;
    for (int i = 1; i <= count; i++) {
      String next = "token-" + (i + 1);
      wm.stubFor(
          post(urlPathEqualTo("/oauth2/token"))
              .inScenario("tokens")
              .whenScenarioStateIs(state)
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"access_token\":\"tok-"
                              + i
                              + "\",\"token_type\":\"Bearer\",\"expires_in\":60}"))
              .willSetStateTo(next));
      state = next;
    }
  }

  /** The target accepts exactly these tokens. */
  private static void stubTargetAccepting(String... tokens) {
    wm.stubFor(
        get(urlPathMatching("/scim/v2/Users/.*"))
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"detail\":\"Unauthorized\",\"status\":\"401\"}")));
    for (String token : tokens) {
      wm.stubFor(
          get(urlPathMatching("/scim/v2/Users/.*"))
              .atPriority(1)
              .withHeader("Authorization", equalTo("Bearer " + token))
              .willReturn(aResponse().withStatus(200).withBody(USER)));
    }
  }

  private static List<String> targetAuthorizations() {
    return wm.findAll(getRequestedFor(urlPathMatching("/scim/v2/Users/.*"))).stream()
        .map(r -> r.getHeader("Authorization"))
        .toList();
  }

  private static int tokenRequests() {
    return wm.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token"))).size();
  }

  @Test
  void sendsBasicCredentials() {
    stubTargetAccepting();
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/u1"))
            .withBasicAuth("svc-scim", "b4sic-pw")
            .willReturn(aResponse().withStatus(200).withBody(USER)));

    try (ScimClient client = client(new TargetAuth.Basic("svc-scim", Secret.of("b4sic-pw")))) {
      assertThat(client.getUser("u1")).isPresent();
    }
  }

  @Test
  void fetchesATokenAtFirstUseAndReusesIt() {
    stubTokens(3);
    stubTargetAccepting("tok-1");

    try (ScimClient client = client(oauth())) {
      assertThat(tokenRequests()).as("nothing is fetched before the first request").isZero();
      for (int i = 0; i < 3; i++) {
        assertThat(client.getUser("u1")).isPresent();
      }
    }

    assertThat(tokenRequests()).isEqualTo(1);
    assertThat(targetAuthorizations()).containsOnly("Bearer tok-1").hasSize(3);
    String basic =
        Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    wm.verify(
        postRequestedFor(urlPathEqualTo("/oauth2/token"))
            .withHeader("Authorization", equalTo("Basic " + basic))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withHeader("Content-Length", matching("\\d+"))
            .withRequestBody(containing("grant_type=client_credentials"))
            .withRequestBody(containing("scope=scim%3Awrite"))
            .withRequestBody(containing("audience=https%3A%2F%2Fscim.example"))
            .withRequestBody(notContaining(CLIENT_SECRET)));
  }

  @Test
  void renewsTheTokenShortlyBeforeItExpires() {
    stubTokens(3);
    stubTargetAccepting("tok-1", "tok-2", "tok-3");

    try (ScimClient client = client(oauth())) {
      client.getUser("u1"); // t=0: tok-1, valid 60 s, renewed from t=30 s
      clock.advance(Duration.ofSeconds(29));
      client.getUser("u1");
      clock.advance(Duration.ofSeconds(1)); // t=30 s
      client.getUser("u1");
      clock.advance(Duration.ofSeconds(29)); // t=59 s: tok-2 (from t=30 s) is good until t=60 s
      client.getUser("u1");
      clock.advance(Duration.ofSeconds(2)); // t=61 s
      client.getUser("u1");
    }

    assertThat(targetAuthorizations())
        .containsExactly(
            "Bearer tok-1", "Bearer tok-1", "Bearer tok-2", "Bearer tok-2", "Bearer tok-3");
    assertThat(tokenRequests()).isEqualTo(3);
  }

  @Test
  void renewsTheTokenOnceWhenTheTargetRefusesIt() {
    stubTokens(3);
    stubTargetAccepting("tok-2");

    try (ScimClient client = client(oauth())) {
      assertThat(client.getUser("u1")).isPresent();
    }

    assertThat(targetAuthorizations()).containsExactly("Bearer tok-1", "Bearer tok-2");
    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  void aSecondRefusalIsTheRunStoppingAuthError() {
    stubTokens(3);
    stubTargetAccepting();

    try (ScimClient client = client(oauth())) {
      assertThatThrownBy(() -> client.getUser("u1"))
          .isInstanceOfSatisfying(
              ScimUnauthorizedException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.kind()).isEqualTo(ScimException.Kind.AUTH_REFUSED);
              });
    }

    assertThat(targetAuthorizations()).containsExactly("Bearer tok-1", "Bearer tok-2");
    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  void aStaticTokenIsNeverRetriedOnARefusal() {
    stubTargetAccepting();

    try (ScimClient client = client(new TargetAuth.Bearer(Secret.of(ScimWireMock.TOKEN)))) {
      assertThatThrownBy(() -> client.getUser("u1")).isInstanceOf(ScimUnauthorizedException.class);
    }

    assertThat(targetAuthorizations()).hasSize(1);
  }

  @Test
  void aTokenEndpointThatRefusesTheClientIsAClearAuthError() {
    wm.stubFor(
        post(urlPathEqualTo("/oauth2/token"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_client\","
                            + "\"error_description\":\"Client authentication failed\"}")));
    stubTargetAccepting("tok-1");

    try (ScimClient client = client(oauth())) {
      assertThatThrownBy(() -> client.getUser("u1"))
          .isInstanceOfSatisfying(
              ScimUnauthorizedException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.kind()).isEqualTo(ScimException.Kind.AUTH_REFUSED);
                assertThat(e.api()).isEqualTo("GetUser");
                assertThat(e.getMessage())
                    .contains(
                        "token endpoint " + tokenUrl(),
                        "refused the client " + CLIENT_ID,
                        "invalid_client: Client authentication failed")
                    .doesNotContain(CLIENT_SECRET);
              });
    }

    assertThat(tokenRequests()).as("a refusal is not retried").isEqualTo(1);
    wm.verify(0, getRequestedFor(urlPathMatching("/scim/v2/.*")));
  }

  @Test
  void manyThreadsAtFirstUseShareOneToken() throws Exception {
    stubTokens(3);
    stubTargetAccepting("tok-1");
    ExecutorService pool = Executors.newFixedThreadPool(8);

    try (ScimClient client = client(oauth())) {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(pool.submit(() -> assertThat(client.getUser("u1")).isPresent()));
      }
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(tokenRequests()).isEqualTo(1);
    assertThat(targetAuthorizations()).hasSize(16).containsOnly("Bearer tok-1");
  }

  @Test
  void neitherTheClientSecretNorATokenAppearsInLogsOrMessages() {
    stubTokens(3);
    String echo = "{\"detail\":\"bad bearer tok-1 for " + CLIENT_SECRET + "\",\"status\":\"500\"}";
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/u1"))
            .willReturn(aResponse().withStatus(500).withBody(echo)));
    List<String> texts = new ArrayList<>();

    ScimClientConfig config =
        ScimClientConfig.builder(
                ScimWireMock.baseUrl(wm.getRuntimeInfo()), oauth(), TargetProfile.GENERIC)
            .retry(ScimWireMock.FAST_RETRY)
            .build();
    try (ScimClient client = ScimClient.create(config, clock)) {
      texts.add(config.toString());
      texts.add(client.toString());
      Throwable failure = catchThrowable(() -> client.getUser("u1"));
      assertThat(failure).isInstanceOf(ScimServerException.class);
      texts.add(failure.getMessage());
    }
    texts.addAll(LogCapture.lines());

    wm.verify(moreThanOrExactly(1), anyRequestedFor(urlPathEqualTo("/scim/v2/Users/u1")));
    assertThat(texts).noneMatch(t -> t.contains(CLIENT_SECRET)).noneMatch(t -> t.contains("tok-1"));
  }
}
