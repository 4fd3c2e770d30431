package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scimsync.common.Secret;
import org.slf4j.LoggerFactory;

/** The bearer token never leaks, and plain http is refused to anything but loopback. */
class ScimClientSecurityIT {

  @RegisterExtension static WireMockExtension wm = ScimWireMock.server();

  @Test
  void theTokenAppearsInNoLogLineMessageOrToString() {
    String echo = "{\"detail\":\"bad token " + ScimWireMock.TOKEN + "\",\"status\":\"401\"}";
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/ServiceProviderConfig"))
            .willReturn(aResponse().withStatus(401).withBody(echo)));
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/u1"))
            .willReturn(aResponse().withStatus(500).withBody(echo)));
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/u2"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/Users"))
            .willReturn(aResponse().withStatus(409).withBody(echo)));
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users"))
            .willReturn(aResponse().withStatus(200).withBody("{\"Resources\":[]}")));
    ScimClientConfig config =
        ScimWireMock.config(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER).build();
    List<String> texts = new ArrayList<>();

    try (ScimClient client = ScimClient.create(config)) {
      texts.add(client.toString());
      texts.add(config.toString());
      assertThat(client.listUsers()).isEmpty();
      for (Runnable call :
          List.<Runnable>of(
              client::serviceProviderConfig,
              () -> client.getUser("u1"),
              () -> client.getUser("u2"),
              () -> client.createUser(new ScimUser()))) {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(failure).isInstanceOf(ScimException.class);
        texts.add(failure.toString());
        texts.add(String.valueOf(((ScimException) failure).detail()));
      }
    }

    List<String> logLines = LogCapture.lines();
    assertThat(logLines)
        .as("log capture works")
        .anyMatch(line -> line.contains("scim attempt api=GetUser"));
    assertThat(logLines).noneMatch(line -> line.contains(ScimWireMock.TOKEN));
    assertThat(texts).noneMatch(text -> text.contains(ScimWireMock.TOKEN));
    assertThat(texts).anyMatch(text -> text.contains("bad token ****"));
    assertThat(config.toString()).contains("token=****");
  }

  @Test
  void aTokenEchoedInAPlainTextUtf8ErrorBodyIsRedactedAfterDecoding() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/u1"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withBody(
                        ("Requête refusée: « Bearer " + ScimWireMock.TOKEN + " » ungültig")
                            .getBytes(StandardCharsets.UTF_8))));

    Throwable failure;
    try (ScimClient client =
        ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER)) {
      failure = catchThrowable(() -> client.getUser("u1"));
    }

    assertThat(failure)
        .isExactlyInstanceOf(ScimBadRequestException.class)
        .hasMessageContaining("Requête refusée: « Bearer **** » ungültig");
    assertThat(failure.getMessage()).doesNotContain(ScimWireMock.TOKEN);
    assertThat(((ScimException) failure).detail()).doesNotContain(ScimWireMock.TOKEN);
  }

  @Test
  void warnsWhenHttpClientHeaderLoggingWouldPrintTheToken() {
    Logger headers = (Logger) LoggerFactory.getLogger("org.apache.hc.client5.http.headers");
    Level before = headers.getLevel();
    headers.setLevel(Level.DEBUG);
    try (ScimClient client = ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.GENERIC)) {
      assertThat(client.profile()).isEqualTo(TargetProfile.GENERIC);
      assertThat(LogCapture.lines())
          .anyMatch(line -> line.contains("logger=org.apache.hc.client5.http.headers is at DEBUG"));
    } finally {
      headers.setLevel(before);
    }
  }

  @Test
  void refusesPlainHttpToNonLoopbackHosts() {
    Secret token = Secret.of(ScimWireMock.TOKEN);

    assertThatThrownBy(
            () ->
                ScimClientConfig.builder(
                        URI.create("http://scim.example.com/scim/v2"), token, TargetProfile.GENERIC)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http")
        .hasMessageNotContaining(ScimWireMock.TOKEN);
    assertThatThrownBy(
            () ->
                ScimClientConfig.builder(
                        URI.create("http://10.0.0.1/scim/v2"), token, TargetProfile.GENERIC)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            ScimClientConfig.builder(
                    URI.create("http://scim.example.com/scim/v2"), token, TargetProfile.GENERIC)
                .allowPlainHttp(true)
                .build()
                .baseUrl())
        .hasToString("http://scim.example.com/scim/v2/");
    for (String loopback :
        List.of("http://localhost:8080/scim/v2", "http://127.0.0.1:1/", "http://[::1]:2/s")) {
      assertThat(
              ScimClientConfig.builder(URI.create(loopback), token, TargetProfile.GENERIC)
                  .build()
                  .baseUrl()
                  .getScheme())
          .isEqualTo("http");
    }
  }
}
