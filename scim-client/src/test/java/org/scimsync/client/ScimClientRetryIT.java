package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScimClientRetryIT {

  @RegisterExtension static WireMockExtension wm = ScimWireMock.server();

  private static final String USER =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"u1\",\"userName\":\"ann\"}";

  private final List<String> attempts = new CopyOnWriteArrayList<>();

  private ScimClient client(RetrySettings retry) {
    return ScimClient.create(
        ScimWireMock.config(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER)
            .retry(retry)
            .listener((api, status, elapsed) -> attempts.add(api + ":" + status))
            .build());
  }

  /** Answers the given responses in order, then 200 with a user. */
  private void stubSequence(ResponseDefinitionBuilder... first) {
    String state = STARTED;
    for (int i = 0; i < first.length; i++) {
      String next = "attempt-" + (i + 2);
      wm.stubFor(
          get(urlPathEqualTo("/scim/v2/Users/u1"))
              .inScenario("retry")
              .whenScenarioStateIs(state)
              .willReturn(first[i])
              .willSetStateTo(next));
      state = next;
    }
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/u1"))
            .inScenario("retry")
            .whenScenarioStateIs(state)
            .willReturn(aResponse().withStatus(200).withBody(USER)));
  }

  @Test
  void waitsForRetryAfterSecondsThenSucceeds() {
    stubSequence(aResponse().withStatus(429).withHeader("Retry-After", "1"));

    try (ScimClient client = client(ScimWireMock.FAST_RETRY)) {
      assertThat(client.getUser("u1")).get().extracting(u -> u.getUserName()).isEqualTo("ann");
    }
    List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlPathEqualTo("/scim/v2/Users/u1")));
    assertThat(requests).hasSize(2);
    long gapMillis =
        requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
    // The backoff alone would be 5 ms: the second attempt waited for Retry-After.
    assertThat(gapMillis).isGreaterThanOrEqualTo(950);
    assertThat(attempts).containsExactly("GetUser:429", "GetUser:200");
  }

  @Test
  void retriesThrottlingWithoutRetryAfterUsingBackoff() {
    stubSequence(aResponse().withStatus(429), aResponse().withStatus(429));

    try (ScimClient client = client(ScimWireMock.FAST_RETRY)) {
      assertThat(client.getUser("u1")).isPresent();
      assertThat(client.stats().throttled()).isEqualTo(2);
      assertThat(client.stats().attemptsByApi()).containsEntry("GetUser", 3L);
    }
    wm.verify(3, getRequestedFor(urlPathEqualTo("/scim/v2/Users/u1")));
    assertThat(attempts).containsExactly("GetUser:429", "GetUser:429", "GetUser:200");
  }

  @Test
  void retriesServerErrorsThenSucceeds() {
    stubSequence(aResponse().withStatus(500), aResponse().withStatus(503));

    try (ScimClient client = client(ScimWireMock.FAST_RETRY)) {
      assertThat(client.getUser("u1")).isPresent();
    }
    wm.verify(3, getRequestedFor(urlPathEqualTo("/scim/v2/Users/u1")));
    assertThat(attempts).containsExactly("GetUser:500", "GetUser:503", "GetUser:200");
  }

  @Test
  void retriesDroppedConnectionsThenSucceeds() {
    stubSequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    try (ScimClient client = client(ScimWireMock.FAST_RETRY)) {
      assertThat(client.getUser("u1")).isPresent();
      assertThat(client.stats().transportErrors()).isEqualTo(1);
    }
    assertThat(attempts).containsExactly("GetUser:-1", "GetUser:200");
  }

  @Test
  void exhaustedServerErrorRetriesGiveTheTypedError() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/u1"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody(
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                            + "\"detail\":\"Service failed\",\"status\":\"500\"}")));

    try (ScimClient client = client(ScimWireMock.FAST_RETRY)) {
      assertThatThrownBy(() -> client.getUser("u1"))
          .isInstanceOfSatisfying(
              ScimServerException.class,
              e -> {
                assertThat(e.status()).isEqualTo(500);
                assertThat(e.api()).isEqualTo("GetUser");
                assertThat(e.detail()).isEqualTo("Service failed");
                assertThat(e.retryable()).isTrue();
                assertThat(e.kind()).isEqualTo(ScimException.Kind.TARGET_UNAVAILABLE);
              });
    }
    wm.verify(
        ScimWireMock.FAST_RETRY.maxAttempts(),
        getRequestedFor(urlPathEqualTo("/scim/v2/Users/u1")));
  }

  @Test
  void exhaustedThrottlingGivesTheThrottledError() {
    wm.stubFor(get(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(aResponse().withStatus(429)));

    try (ScimClient client = client(ScimWireMock.FAST_RETRY)) {
      assertThatThrownBy(() -> client.getUser("u1"))
          .isInstanceOfSatisfying(
              ScimThrottledException.class, e -> assertThat(e.status()).isEqualTo(429));
    }
    assertThat(attempts)
        .hasSize(ScimWireMock.FAST_RETRY.maxAttempts())
        .allMatch(a -> a.equals("GetUser:429"));
  }

  @Test
  void exhaustedConnectionFailuresGiveTheTransportError() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/u1"))
            .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    try (ScimClient client = client(ScimWireMock.FAST_RETRY)) {
      assertThatThrownBy(() -> client.getUser("u1"))
          .isInstanceOfSatisfying(
              ScimTransportException.class,
              e -> {
                assertThat(e.status()).isEqualTo(-1);
                assertThat(e.kind()).isEqualTo(ScimException.Kind.TARGET_UNAVAILABLE);
              });
    }
    assertThat(attempts)
        .hasSize(ScimWireMock.FAST_RETRY.maxAttempts())
        .allMatch(a -> a.equals("GetUser:-1"));
  }

  @Test
  void aFailingListenerDoesNotBreakTheCall() {
    stubSequence(aResponse().withStatus(503));
    ScimClientConfig config =
        ScimWireMock.config(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER)
            .listener(
                (api, status, elapsed) -> {
                  attempts.add(api + ":" + status);
                  throw new IllegalStateException("metrics backend down");
                })
            .build();

    try (ScimClient client = ScimClient.create(config)) {
      assertThat(client.getUser("u1")).isPresent();
    }
    assertThat(attempts).containsExactly("GetUser:503", "GetUser:200");
  }

  @Test
  void doesNotRetryClientErrorsOrNotImplemented() {
    wm.stubFor(get(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(aResponse().withStatus(501)));

    try (ScimClient client = client(ScimWireMock.FAST_RETRY)) {
      assertThatThrownBy(() -> client.getUser("u1")).isInstanceOf(ScimServerException.class);
    }
    wm.verify(1, getRequestedFor(urlPathEqualTo("/scim/v2/Users/u1")));
  }

  @Test
  void stopsRetryingAtTheTotalTimeLimit() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/u1"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
    RetrySettings shortTotal =
        new RetrySettings(10, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(300));

    try (ScimClient client = client(shortTotal)) {
      assertThatThrownBy(() -> client.getUser("u1")).isInstanceOf(ScimThrottledException.class);
    }
    // Retry-After (30 s) is capped by the total limit: one retry at the limit, then the error.
    assertThat(attempts).hasSizeLessThanOrEqualTo(2);
  }
}
