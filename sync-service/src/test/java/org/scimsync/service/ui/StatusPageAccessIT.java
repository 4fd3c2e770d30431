package org.scimsync.service.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.common.Secret;
import org.scimsync.engine.testing.InMemoryStateStore;
import org.scimsync.service.ServiceException;
import org.scimsync.service.ServiceSettings;
import org.scimsync.service.StatusPageSettings;
import org.scimsync.service.SyncMetrics;
import org.scimsync.service.SyncService;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** The ways in: a BCrypt password hash, and TLS, without which the page stays on loopback. */
class StatusPageAccessIT {

  private static final String PASSWORD = "a password of some length";

  @TempDir Path dir;

  @Test
  void aBcryptHashLetsThePasswordInAndNothingElse() throws Exception {
    String hash = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4)).replace("$2a$", "$2y$");
    UiConfig ui = new UiConfig("ops", Secret.of(hash), null, null, null);
    try (StatusPageFixture fixture = new StatusPageFixture(ui)) {
      assertThat(fixture.get("/ui/", StatusPageFixture.basic("ops", PASSWORD)).statusCode())
          .isEqualTo(200);
      assertThat(fixture.get("/ui/", StatusPageFixture.basic("ops", hash)).statusCode())
          .isEqualTo(401);
      assertThat(fixture.get("/ui/", StatusPageFixture.basic("ops", PASSWORD + "x")).statusCode())
          .isEqualTo(401);
      assertThat(fixture.get("/ui/", "Bearer " + PASSWORD).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void beyondLoopbackWithoutTlsIsAConfigurationErrorNamingTheKey() {
    UiConfig ui = StatusPageFixture.passwordAndToken();
    assertThatThrownBy(() -> service(ui, "0.0.0.0"))
        .isInstanceOf(ServiceException.class)
        .hasMessageStartingWith("ui.tls: ")
        .hasMessageContaining("beyond loopback");
    ui.checkListen("127.0.0.1");
    ui.checkListen("::1");
    ui.checkListen("localhost");
  }

  @Test
  void withTlsThePageAndTheWebhookAnswerOverHttps() throws Exception {
    Path keyStore = dir.resolve("ui.p12");
    String storePassword = "key-store-password";
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "ui",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                storePassword)
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue())
        .as(new String(keytool.getInputStream().readAllBytes()))
        .isZero();
    UiConfig ui =
        new UiConfig(
            StatusPageFixture.USER,
            null,
            Secret.of(StatusPageFixture.PASSWORD),
            null,
            new UiConfig.Tls(keyStore, Secret.of(storePassword)));
    ui.checkListen("0.0.0.0");
    UiConfig wrongPassword =
        new UiConfig(
            StatusPageFixture.USER,
            null,
            Secret.of(StatusPageFixture.PASSWORD),
            null,
            new UiConfig.Tls(keyStore, Secret.of("not-the-password")));
    assertThatThrownBy(() -> service(wrongPassword, "127.0.0.1"))
        .hasMessageStartingWith("ui.tls.keyStore: ")
        .hasMessageNotContaining("not-the-password");

    try (SyncService service = service(ui, "127.0.0.1")) {
      service.start();
      HttpClient client =
          HttpClient.newBuilder().sslContext(trusting(keyStore, storePassword)).build();
      URI base = URI.create("https://127.0.0.1:" + service.address().getPort());
      HttpResponse<String> page =
          client.send(
              HttpRequest.newBuilder(base.resolve("/ui/"))
                  .header(
                      "Authorization",
                      StatusPageFixture.basic(StatusPageFixture.USER, StatusPageFixture.PASSWORD))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
      assertThat(
              client
                  .send(
                      HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
    }
  }

  private static SSLContext trusting(Path keyStore, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, password.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static SyncService service(UiConfig ui, String host) {
    return new SyncService(
        ServiceSettings.of((String) null, null)
            .withListen(new InetSocketAddress(host, 0))
            .withCatchUpOnStart(false),
        request -> {
          throw new AssertionError("no run expected");
        },
        new InMemoryStateStore(),
        null,
        List::of,
        new SyncMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC()),
        Clock.systemUTC(),
        new SyncService.Extras(null, null, new StatusPageSettings(ui, "target")));
  }
}
