package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.common.Secret;

/** TLS against a WireMock HTTPS server whose self-signed certificate is made for the test. */
class ScimClientTlsIT {

  @TempDir static Path dir;
  private static WireMockServer server;
  private static Path trustStore;
  private static String trustPassword;

  @BeforeAll
  static void startHttpsServer() throws Exception {
    LogCapture.install();
    TestCertificates certificates = TestCertificates.create(dir);
    trustStore = certificates.trustStore();
    trustPassword = certificates.trustStorePassword();
    server =
        new WireMockServer(
            wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(certificates.keyStore().toString())
                .keystoreType("PKCS12")
                .keystorePassword(certificates.keyStorePassword())
                .keyManagerPassword(certificates.keyStorePassword()));
    server.start();
    server.stubFor(
        get(urlPathEqualTo("/scim/v2/ServiceProviderConfig"))
            .willReturn(aResponse().withStatus(200).withBody("{\"patch\":{\"supported\":true}}")));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static ScimClientConfig.Builder config() {
    return ScimClientConfig.builder(
            URI.create("https://localhost:" + server.httpsPort() + "/scim/v2"),
            Secret.of(ScimWireMock.TOKEN),
            TargetProfile.AWS_IDENTITY_CENTER)
        .retry(RetrySettings.NONE);
  }

  @Test
  void trustsTheServerThroughTheConfiguredTrustStore() {
    try (ScimClient client =
        ScimClient.create(config().trustStore(trustStore, Secret.of(trustPassword)).build())) {
      assertThat(client.serviceProviderConfig().patchSupported()).isTrue();
    }
    server.verify(getRequestedFor(urlPathEqualTo("/scim/v2/ServiceProviderConfig")));
  }

  @Test
  void refusesAnUntrustedCertificateWithTheJvmTrustStore() {
    try (ScimClient client = ScimClient.create(config().build())) {
      assertThatThrownBy(client::serviceProviderConfig)
          .isInstanceOf(ScimTransportException.class)
          .hasCauseInstanceOf(SSLException.class);
    }
  }

  @Test
  void namesTheTrustStoreWhenItsPasswordIsWrong() {
    ScimClientConfig config = config().trustStore(trustStore, Secret.of("Zq9-not-it")).build();

    assertThatThrownBy(() -> ScimClient.create(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target.trustStore")
        .hasMessageNotContaining("Zq9-not-it");
  }
}
