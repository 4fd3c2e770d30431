package org.scimsync.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.cli.app.internal.Ports;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetAuth;

/** {@code target.proxy*} and {@code target.auth}: checked by key, and handed to the client. */
class TargetKeysTest {

  private static final String SOURCE = "source:\n  type: ldif\n  path: d.ldif\n";

  @TempDir Path dir;

  private final ConfigLoader loader =
      new ConfigLoader(
          Map.of(
              "SCIM_TOKEN", "tok-s3cr3t",
              "PROXY_PASSWORD", "prox-s3cr3t",
              "OAUTH_SECRET", "oauth-s3cr3t"));

  private ScimSyncConfig load(String target) throws IOException {
    Path file = dir.resolve("scim-sync.yaml");
    Files.writeString(file, SOURCE + target);
    return loader.load(file);
  }

  private ConfigException failure(String target) {
    try {
      load(target);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("s3cr3t");
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("loaded");
  }

  @Test
  void aConfiguredProxyWithCredentialsReachesTheClient() throws IOException {
    ScimSyncConfig config =
        load(
            """
            target:
              url: https://scim.example.com/scim/v2
              token: ${SCIM_TOKEN}
              proxy: http://proxy.example.com:3128
              proxyUser: svc-scim
              proxyPassword: ${PROXY_PASSWORD}
            """);

    ScimClientConfig client =
        Ports.client(config.target(), null, Map.of("HTTPS_PROXY", "http://other:8080"));

    assertThat(client.proxy().uri()).isEqualTo(URI.create("http://proxy.example.com:3128"));
    assertThat(client.proxy().user()).isEqualTo("svc-scim");
    assertThat(client.proxy().password().reveal()).isEqualTo("prox-s3cr3t");
    assertThat(config.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void withoutTheKeyTheEnvironmentsProxyApplies() throws IOException {
    ScimSyncConfig config =
        load(
            """
            target:
              url: https://scim.example.com/scim/v2
              token: ${SCIM_TOKEN}
            """);

    assertThat(
            Ports.client(
                    config.target(),
                    null,
                    Map.of("HTTPS_PROXY", "http://envproxy:3128", "NO_PROXY", "internal"))
                .proxy()
                .uri())
        .isEqualTo(URI.create("http://envproxy:3128"));
    assertThat(Ports.client(config.target(), null, Map.of()).proxy()).isNull();
    assertThat(
            Ports.client(
                    config.target(),
                    null,
                    Map.of("HTTPS_PROXY", "http://envproxy:3128", "NO_PROXY", "example.com"))
                .proxy()
                .bypasses("scim.example.com", 443))
        .isTrue();
  }

  @Test
  void proxyKeysAreCheckedByName() {
    assertThat(
            failure(
                    """
                    target:
                      url: https://scim.example.com/scim/v2
                      token: ${SCIM_TOKEN}
                      proxy: socks5://proxy:1080
                    """)
                .key())
        .isEqualTo("target.proxy");
    assertThat(
            failure(
                    """
                    target:
                      url: https://scim.example.com/scim/v2
                      token: ${SCIM_TOKEN}
                      proxyUser: svc
                    """)
                .getMessage())
        .contains("target.proxyUser", "proxy is not");
    assertThat(
            failure(
                    """
                    target:
                      url: https://scim.example.com/scim/v2
                      token: ${SCIM_TOKEN}
                      proxy: http://svc:${PROXY_PASSWORD}@proxy:3128
                    """)
                .getMessage())
        .contains("proxyUser and proxyPassword");
  }

  @Test
  void oauthClientCredentialsReplaceTheToken() throws IOException {
    ScimSyncConfig config =
        load(
            """
            target:
              profile: generic
              url: https://idp.example.com/realms/corp/scim/v2
              auth:
                type: oauth2-client-credentials
                tokenUrl: https://idp.example.com/realms/corp/protocol/openid-connect/token
                clientId: scim-sync
                clientSecret: ${OAUTH_SECRET}
                audience: https://idp.example.com/realms/corp/scim/v2
            """);

    TargetAuth auth = Ports.client(config.target(), null, Map.of()).auth();

    assertThat(auth).isInstanceOf(TargetAuth.OAuth2ClientCredentials.class);
    TargetAuth.OAuth2ClientCredentials oauth = (TargetAuth.OAuth2ClientCredentials) auth;
    assertThat(oauth.clientId()).isEqualTo("scim-sync");
    assertThat(oauth.clientSecret().reveal()).isEqualTo("oauth-s3cr3t");
    assertThat(oauth.audience()).isEqualTo("https://idp.example.com/realms/corp/scim/v2");
    assertThat(config.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void basicAuthTakesAUserAndPassword() throws IOException {
    ScimSyncConfig config =
        load(
            """
            target:
              profile: generic
              url: https://scim.example.com/scim/v2
              auth:
                type: basic
                user: svc
                password: ${SCIM_TOKEN}
            """);

    assertThat(Ports.client(config.target(), null, Map.of()).auth())
        .isEqualTo(new TargetAuth.Basic("svc", config.target().auth().password()));
  }

  @Test
  void authKeysOfAnotherTypeOrAMissingSecretAreNamed() {
    assertThat(
            failure(
                    """
                    target:
                      url: https://scim.example.com/scim/v2
                      auth:
                        type: oauth2-client-credentials
                        tokenUrl: https://idp.example.com/token
                        clientId: scim-sync
                    """)
                .key())
        .isEqualTo("target.auth.clientSecret");
    assertThat(
            failure(
                    """
                    target:
                      url: https://scim.example.com/scim/v2
                      token: ${SCIM_TOKEN}
                      auth:
                        type: basic
                        user: svc
                        password: ${SCIM_TOKEN}
                    """)
                .key())
        .isEqualTo("target.token");
    assertThat(
            failure(
                    """
                    target:
                      url: https://scim.example.com/scim/v2
                      auth:
                        type: basic
                        user: svc
                        password: ${SCIM_TOKEN}
                        clientId: x
                    """)
                .getMessage())
        .contains("target.auth.clientId", "not used with auth type basic");
    assertThat(
            failure(
                    """
                    target:
                      url: https://scim.example.com/scim/v2
                      auth:
                        type: kerberos
                    """)
                .getMessage())
        .contains("bearer | oauth2-client-credentials | basic");
  }

  @Test
  void maxConsecutiveRefusalsDefaultsToTwentyAndReachesThePolicy() throws IOException {
    String target = "target:\n  url: https://scim.example.com/scim/v2\n  token: ${SCIM_TOKEN}\n";
    assertThat(Ports.policy(load(target)).maxConsecutiveRefusals()).isEqualTo(20);
    assertThat(
            Ports.policy(load(target + "  maxConsecutiveRefusals: 5\n")).maxConsecutiveRefusals())
        .isEqualTo(5);
    assertThat(failure(target + "  maxConsecutiveRefusals: 0\n").getMessage())
        .contains("target.maxConsecutiveRefusals")
        .contains("positive");
  }

  @Test
  void capabilitiesReachTheClientAndAreRefusedForAws() throws IOException {
    ScimSyncConfig config =
        load(
            """
            target:
              profile: generic
              url: https://scim.example.com/scim/v2
              token: ${SCIM_TOKEN}
              capabilities:
                membersOnCreate: false
                maxMembersPerRequest: 25
                membershipsDroppedWithUser: true
            """);
    assertThat(Ports.client(config.target(), null, Map.of()).capabilities().asConfigMap())
        .containsEntry("membersOnCreate", "false")
        .containsEntry("maxMembersPerRequest", "25")
        .containsEntry("membershipsDroppedWithUser", "true");

    assertThat(
            failure(
                    "target:\n  url: https://scim.example.com/scim/v2\n  token: ${SCIM_TOKEN}\n"
                        + "  capabilities:\n    membersOnCreate: false\n")
                .getMessage())
        .contains("target.capabilities")
        .contains("only used with profile generic");
    assertThat(
            failure(
                    "target:\n  profile: generic\n  url: https://scim.example.com/scim/v2\n"
                        + "  token: ${SCIM_TOKEN}\n  capabilities:\n    teleport: true\n")
                .getMessage())
        .contains("target.capabilities.teleport")
        .contains("membersOnCreate");
  }
}
