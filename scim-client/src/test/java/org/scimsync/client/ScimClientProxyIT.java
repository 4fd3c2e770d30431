package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.common.Secret;
import org.scimsync.testing.servers.RealServer;

/**
 * The client through a real forward proxy (Squid) to an https target with a self-signed
 * certificate: a CONNECT tunnel with TLS verified end to end, Basic proxy authentication, and a
 * refused proxy password reported clearly without the password.
 */
class ScimClientProxyIT {

  private static final String PROXY_USER = "scim-proxy-user";
  private static final String PROXY_PASSWORD = "Prx-9f3e-SECRET";
  private static final String WRONG_PASSWORD = "Wrong-7c1d-SECRET";
  private static final Duration LOG_WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;
  private static SquidProxy open;
  private static SquidProxy guarded;
  private static WireMockServer target;
  private static TestCertificates certificates;

  @BeforeAll
  static void start() throws Exception {
    Path squid = RealServer.require("/usr/sbin/squid", "squid");
    Path openssl = RealServer.require("/usr/bin/openssl", "openssl");
    LogCapture.install();
    certificates = TestCertificates.create(dir);
    target =
        new WireMockServer(
            wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(certificates.keyStore().toString())
                .keystoreType("PKCS12")
                .keystorePassword(certificates.keyStorePassword())
                .keyManagerPassword(certificates.keyStorePassword()));
    target.start();
    open = SquidProxy.start(squid, openssl, null, null);
    guarded = SquidProxy.start(squid, openssl, PROXY_USER, PROXY_PASSWORD);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable running : new AutoCloseable[] {open, guarded}) {
      if (running != null) {
        running.close();
      }
    }
    if (target != null) {
      target.stop();
    }
  }

  @BeforeEach
  void stub() {
    target.resetAll();
    target.stubFor(
        get(urlPathEqualTo("/scim/v2/ServiceProviderConfig"))
            .willReturn(aResponse().withStatus(200).withBody("{\"patch\":{\"supported\":true}}")));
  }

  private static URI baseUrl() {
    return URI.create("https://localhost:" + target.httpsPort() + "/scim/v2");
  }

  private static ScimClientConfig.Builder config() {
    return ScimClientConfig.builder(
            baseUrl(), Secret.of(ScimWireMock.TOKEN), TargetProfile.AWS_IDENTITY_CENTER)
        .trustStore(certificates.trustStore(), Secret.of(certificates.trustStorePassword()))
        .retry(RetrySettings.NONE);
  }

  private static String tunnelTo() {
    return " CONNECT localhost:" + target.httpsPort() + " ";
  }

  @Test
  void tunnelsHttpsThroughTheProxy() throws Exception {
    try (ScimClient client =
        ScimClient.create(config().proxy(ProxySettings.of(open.uri())).build())) {
      assertThat(client.serviceProviderConfig().patchSupported()).isTrue();
    }

    // Squid logs a tunnel when it closes: closing the client closed it.
    String line = open.awaitAccessLog(l -> l.contains(tunnelTo()), LOG_WAIT);
    assertThat(line).contains("TCP_TUNNEL/200");
    target.verify(getRequestedFor(urlPathEqualTo("/scim/v2/ServiceProviderConfig")));
  }

  @Test
  void verifiesTheTargetCertificateThroughTheTunnel() {
    ScimClientConfig untrusting =
        ScimClientConfig.builder(
                baseUrl(), Secret.of(ScimWireMock.TOKEN), TargetProfile.AWS_IDENTITY_CENTER)
            .retry(RetrySettings.NONE)
            .proxy(ProxySettings.of(open.uri()))
            .build();

    try (ScimClient client = ScimClient.create(untrusting)) {
      // The proxy does not terminate TLS: the self-signed certificate reaches the client,
      // which refuses it without the trust store.
      assertThatThrownBy(client::serviceProviderConfig)
          .isInstanceOf(ScimTransportException.class)
          .hasCauseInstanceOf(SSLException.class);
    }
  }

  @Test
  void authenticatesToTheProxyWithBasicCredentials() throws Exception {
    ProxySettings proxy =
        new ProxySettings(guarded.uri(), PROXY_USER, Secret.of(PROXY_PASSWORD), List.of());

    try (ScimClient client = ScimClient.create(config().proxy(proxy).build())) {
      assertThat(client.serviceProviderConfig().patchSupported()).isTrue();
    }

    String line =
        guarded.awaitAccessLog(
            l -> l.contains(tunnelTo()) && l.contains("TCP_TUNNEL/200"), LOG_WAIT);
    assertThat(line).contains(" " + PROXY_USER + " ");
  }

  @Test
  void takesTheProxyAndItsCredentialsFromTheEnvironment() throws Exception {
    Map<String, String> env =
        Map.of(
            "HTTPS_PROXY",
            "http://" + PROXY_USER + ":" + PROXY_PASSWORD + "@127.0.0.1:" + guarded.uri().getPort(),
            "NO_PROXY",
            "example.com");

    ScimClientConfig config = config().proxyFromEnvironment(env).build();
    try (ScimClient client = ScimClient.create(config)) {
      assertThat(client.serviceProviderConfig().patchSupported()).isTrue();
    }

    assertThat(config.toString()).doesNotContain(PROXY_PASSWORD);
    guarded.awaitAccessLog(
        l -> l.contains(tunnelTo()) && l.contains(" " + PROXY_USER + " "), LOG_WAIT);
  }

  @Test
  void aWrongProxyPasswordFailsClearlyWithoutShowingIt() throws Exception {
    ProxySettings proxy =
        new ProxySettings(guarded.uri(), PROXY_USER, Secret.of(WRONG_PASSWORD), List.of());
    ScimClientConfig config = config().proxy(proxy).build();

    ScimUnauthorizedException refused;
    try (ScimClient client = ScimClient.create(config)) {
      refused =
          catchThrowableOfType(ScimUnauthorizedException.class, client::serviceProviderConfig);
    }

    assertThat(refused).isNotNull();
    assertThat(refused.status()).isEqualTo(407);
    assertThat(refused.kind()).isEqualTo(ScimException.Kind.AUTH_REFUSED);
    assertThat(refused.getMessage())
        .contains("407", "refused the proxy credentials", guarded.uri().toString())
        .doesNotContain(WRONG_PASSWORD);
    assertThat(config.toString()).doesNotContain(WRONG_PASSWORD);
    assertThat(proxy.toString()).doesNotContain(WRONG_PASSWORD);
    assertThat(LogCapture.lines()).noneMatch(l -> l.contains(WRONG_PASSWORD));
    assertThat(guarded.awaitAccessLog(l -> l.contains("TCP_DENIED/407"), LOG_WAIT))
        .contains(tunnelTo().strip());
    target.verify(0, getRequestedFor(urlPathEqualTo("/scim/v2/ServiceProviderConfig")));
  }

  @Test
  void aProxyThatWantsCredentialsSaysSoWhenNoneAreSet() {
    try (ScimClient client =
        ScimClient.create(config().proxy(ProxySettings.of(guarded.uri())).build())) {
      assertThatThrownBy(client::serviceProviderConfig)
          .isInstanceOfSatisfying(
              ScimUnauthorizedException.class,
              e -> {
                assertThat(e.status()).isEqualTo(407);
                assertThat(e.getMessage()).contains("asks for credentials");
              });
    }
  }

  @Test
  void reachesNoProxyHostsDirectly() {
    // Through the guarded proxy without credentials this would be a 407.
    ProxySettings proxy = new ProxySettings(guarded.uri(), null, null, List.of("localhost"));

    try (ScimClient client = ScimClient.create(config().proxy(proxy).build())) {
      assertThat(client.serviceProviderConfig().patchSupported()).isTrue();
    }
  }
}
