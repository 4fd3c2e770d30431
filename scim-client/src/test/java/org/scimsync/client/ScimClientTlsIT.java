package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.common.Secret;

/** TLS against a WireMock HTTPS server whose self-signed certificate is made for the test. */
class ScimClientTlsIT {

  private static final String SERVER_PASSWORD = "server-pass";
  private static final String TRUST_PASSWORD = "trust-pass";

  @TempDir static Path dir;
  private static WireMockServer server;
  private static Path trustStore;

  @BeforeAll
  static void startHttpsServer() throws Exception {
    LogCapture.install();
    Path keyStore = dir.resolve("server.p12");
    Path cert = dir.resolve("server.pem");
    trustStore = dir.resolve("trust.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-validity",
        "2",
        "-keystore",
        keyStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        SERVER_PASSWORD,
        "-keypass",
        SERVER_PASSWORD);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "server",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        SERVER_PASSWORD,
        "-file",
        cert.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "server",
        "-file",
        cert.toString(),
        "-keystore",
        trustStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        TRUST_PASSWORD);
    server =
        new WireMockServer(
            wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(keyStore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(SERVER_PASSWORD)
                .keyManagerPassword(SERVER_PASSWORD));
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

  private static void keytool(String... args) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
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
        ScimClient.create(config().trustStore(trustStore, Secret.of(TRUST_PASSWORD)).build())) {
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
