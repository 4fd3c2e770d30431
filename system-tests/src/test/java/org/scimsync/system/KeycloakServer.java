package org.scimsync.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.scimsync.testing.servers.RealServer;

/**
 * A private Keycloak, started once per test JVM from the distribution the build unpacked into
 * {@code target/} (dev mode, H2 in the distribution's own data directory, loopback only, a free
 * port, the SCIM API preview feature), and stopped by its process when the JVM ends. Its admin REST
 * API sets up what the SCIM API needs: a realm with {@code scimApiEnabled}, a confidential client
 * whose service account holds the realm-management roles to manage users and groups, and an
 * audience mapper naming the realm's SCIM base URL.
 */
final class KeycloakServer {

  static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "it-admin-password-not-a-secret";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static KeycloakServer running;

  private final Process process;
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  private KeycloakServer(Process process, URI base) {
    this.process = process;
    this.base = base;
  }

  /** The one Keycloak of this JVM, started on first use (skipped, or failed on CI, when absent). */
  static synchronized KeycloakServer get() throws IOException, InterruptedException {
    if (running == null) {
      running = start();
    }
    return running;
  }

  private static KeycloakServer start() throws IOException, InterruptedException {
    String home = System.getProperty("keycloak.home", "target/keycloak/keycloak-unknown");
    Path script = RealServer.require(home + "/bin/kc.sh", "keycloak");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // A fresh database each run: dev mode keeps H2 in the distribution's data directory.
    deleteTree(script.getParent().getParent().resolve("data").resolve("h2"));
    Path log = Files.createTempFile("keycloak-it-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                script.toString(),
                "start-dev",
                "--features=scim-api",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=0",
                "--health-enabled=false")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
    long started = System.nanoTime();
    Process process = builder.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  process.descendants().forEach(ProcessHandle::destroy);
                  process.destroy();
                }));
    KeycloakServer server = new KeycloakServer(process, URI.create("http://127.0.0.1:" + port));
    server.awaitStarted(started, log);
    System.out.printf(
        "Keycloak %s started in %.1f s on %s (log %s)%n",
        System.getProperty("keycloak.version", "?"),
        (System.nanoTime() - started) / 1e9,
        server.base,
        log);
    return server;
  }

  private void awaitStarted(long startedNanos, Path log) throws IOException, InterruptedException {
    long deadline = startedNanos + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with " + process.exitValue() + ":\n" + tail(log));
      }
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(base.resolve("/realms/master")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      // Polls every half second; returns at once if Keycloak exits.
      process.waitFor(500, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException(
        "Keycloak did not start in " + START_TIMEOUT + ":\n" + tail(log));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  URI base() {
    return base;
  }

  /** The SCIM base URL of a realm. */
  URI scimBase(String realm) {
    return base.resolve("/realms/" + realm + "/scim/v2");
  }

  /** The token endpoint of a realm. */
  URI tokenUrl(String realm) {
    return base.resolve("/realms/" + realm + "/protocol/openid-connect/token");
  }

  /**
   * Creates a realm with the SCIM API on and a confidential client for scim-sync.
   *
   * @param realm the realm's name
   * @param clientId the client
   * @param secret its secret
   * @param tokenLifespan the access tokens' lifetime
   * @param audiences the SCIM base URLs the tokens name as audience
   */
  void createRealm(
      String realm, String clientId, String secret, Duration tokenLifespan, List<URI> audiences)
      throws IOException, InterruptedException {
    String admin = adminToken();
    ObjectNode realmJson =
        JSON.createObjectNode()
            .put("realm", realm)
            .put("enabled", true)
            .put("scimApiEnabled", true)
            .put("accessTokenLifespan", (int) tokenLifespan.toSeconds());
    expect(201, send(admin, "POST", "/admin/realms", realmJson));
    ObjectNode client =
        JSON.createObjectNode()
            .put("clientId", clientId)
            .put("enabled", true)
            .put("publicClient", false)
            .put("serviceAccountsEnabled", true)
            .put("standardFlowEnabled", false)
            .put("directAccessGrantsEnabled", false)
            .put("secret", secret);
    ArrayNode mappers = client.putArray("protocolMappers");
    int n = 0;
    for (URI audience : audiences) {
      ObjectNode mapper =
          mappers
              .addObject()
              .put("name", "scim-audience-" + n++)
              .put("protocol", "openid-connect")
              .put("protocolMapper", "oidc-audience-mapper");
      mapper
          .putObject("config")
          .put("included.custom.audience", audience.toString())
          .put("access.token.claim", "true")
          .put("id.token.claim", "false");
    }
    expect(201, send(admin, "POST", "/admin/realms/" + realm + "/clients", client));
    String clientUuid =
        read(send(admin, "GET", "/admin/realms/" + realm + "/clients?clientId=" + clientId, null))
            .get(0)
            .get("id")
            .asText();
    String serviceAccount =
        read(send(
                admin,
                "GET",
                "/admin/realms/" + realm + "/clients/" + clientUuid + "/service-account-user",
                null))
            .get("id")
            .asText();
    String management =
        read(send(
                admin,
                "GET",
                "/admin/realms/" + realm + "/clients?clientId=realm-management",
                null))
            .get(0)
            .get("id")
            .asText();
    ArrayNode roles = JSON.createArrayNode();
    List<String> wanted =
        List.of("manage-users", "view-users", "view-realm", "query-users", "query-groups");
    for (JsonNode role :
        read(
            send(
                admin,
                "GET",
                "/admin/realms/" + realm + "/clients/" + management + "/roles",
                null))) {
      if (wanted.contains(role.get("name").asText())) {
        roles.add(role);
      }
    }
    expect(
        204,
        send(
            admin,
            "POST",
            "/admin/realms/"
                + realm
                + "/users/"
                + serviceAccount
                + "/role-mappings/clients/"
                + management,
            roles));
  }

  /** An access token of a client, by the client credentials grant. */
  String clientToken(String realm, String clientId, String secret)
      throws IOException, InterruptedException {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    return token(tokenUrl(realm), form);
  }

  /** Reads a SCIM resource with the client's token (independent of the code under test). */
  JsonNode scimGet(String realm, String token, String pathAndQuery)
      throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(scimBase(realm) + "/" + pathAndQuery))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(expect(200, answer));
  }

  private String adminToken() throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=admin-cli&username="
            + ADMIN
            + "&password="
            + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
    return token(base.resolve("/realms/master/protocol/openid-connect/token"), form);
  }

  private String token(URI url, String form) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(expect(200, answer)).get("access_token").asText();
  }

  private HttpResponse<String> send(String token, String method, String path, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode read(HttpResponse<String> answer) throws IOException {
    return JSON.readTree(expect(200, answer));
  }

  private static String expect(int status, HttpResponse<String> answer) {
    if (answer.statusCode() != status) {
      throw new IllegalStateException(
          answer.request().method()
              + " "
              + answer.request().uri().getPath()
              + " answered "
              + answer.statusCode()
              + " (expected "
              + status
              + "): "
              + answer.body());
    }
    return answer.body();
  }
}
