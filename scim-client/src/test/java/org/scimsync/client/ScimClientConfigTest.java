package org.scimsync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scimsync.common.Secret;

class ScimClientConfigTest {

  private static final Secret TOKEN = Secret.of("t0ken-value");

  @ParameterizedTest
  @CsvSource({
    "localhost,true",
    "LOCALHOST,true",
    "127.0.0.1,true",
    "127.1.2.3,true",
    "[::1],true",
    "::1,true",
    "10.0.0.1,false",
    "scim.example.com,false",
    "localhost.example.com,false",
    "[fe80::1],false"
  })
  void recognisesLoopbackHostsWithoutResolvingNames(String host, boolean loopback) {
    assertThat(ScimClientConfig.isLoopback(host)).isEqualTo(loopback);
  }

  @Test
  void usesTheProfileDefaultsAndNormalisesTheBaseUrl() {
    ScimClientConfig config =
        ScimClientConfig.builder(
                URI.create("https://scim.eu-west-1.amazonaws.com/d-123/scim/v2"),
                TOKEN,
                TargetProfile.AWS_IDENTITY_CENTER)
            .build();

    assertThat(config.baseUrl()).hasToString("https://scim.eu-west-1.amazonaws.com/d-123/scim/v2/");
    assertThat(config.rateLimits()).isEqualTo(new RateLimits(40, 25));
    assertThat(config.retry()).isEqualTo(RetrySettings.DEFAULT);
    assertThat(config.toString()).contains("token=****").doesNotContain("t0ken-value");
  }

  @Test
  void refusesOtherSchemesAndBadSettingsNamingTheKey() {
    assertThatThrownBy(
            () ->
                ScimClientConfig.builder(URI.create("ftp://h/x"), TOKEN, TargetProfile.GENERIC)
                    .build())
        .hasMessageContaining("https");
    assertThatThrownBy(
            () ->
                ScimClientConfig.builder(URI.create("https://h/x"), TOKEN, TargetProfile.GENERIC)
                    .readTimeout(Duration.ZERO)
                    .build())
        .hasMessageContaining("readTimeout");
    assertThatThrownBy(
            () ->
                new ScimClientConfig(
                    URI.create("https://h/x"),
                    new TargetAuth.Bearer(TOKEN),
                    TargetProfile.GENERIC,
                    RateLimits.UNLIMITED,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    null,
                    Secret.of("pw"),
                    false,
                    null,
                    RetrySettings.DEFAULT,
                    ConsistencySettings.DEFAULT,
                    null))
        .hasMessageContaining("trustStorePassword");
    assertThatThrownBy(
            () ->
                new RetrySettings(
                    0, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1)))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new ConsistencySettings(Duration.ofMillis(-1), Duration.ZERO))
        .hasMessageContaining("consistency.maxWait");
    assertThatThrownBy(() -> new ConsistencySettings(Duration.ofMillis(5), Duration.ZERO))
        .hasMessageContaining("consistency.maxWait");
    assertThatThrownBy(() -> new ConsistencySettings(Duration.ZERO, Duration.ofSeconds(-1)))
        .hasMessageContaining("consistency.recentWindow");
  }

  @Test
  void checksTheOauth2TokenUrlLikeTheBaseUrlAndHidesTheClientSecret() {
    TargetAuth plainHttp =
        new TargetAuth.OAuth2ClientCredentials(
            URI.create("http://idp.example.com/token"), "scim", Secret.of("cl-s3cret"), null, null);
    assertThatThrownBy(
            () ->
                ScimClientConfig.builder(
                        URI.create("https://h/x"), plainHttp, TargetProfile.GENERIC)
                    .build())
        .hasMessageContaining("target.auth.tokenUrl")
        .hasMessageContaining("plain http");

    TargetAuth https =
        new TargetAuth.OAuth2ClientCredentials(
            URI.create("https://idp.example.com/token"),
            "scim",
            Secret.of("cl-s3cret"),
            " ",
            "api://scim");
    ScimClientConfig config =
        ScimClientConfig.builder(URI.create("https://h/x"), https, TargetProfile.GENERIC).build();
    assertThat(config.auth()).isEqualTo(https);
    assertThat(((TargetAuth.OAuth2ClientCredentials) config.auth()).scope()).isNull();
    assertThat(config.toString()).contains("clientSecret=****").doesNotContain("cl-s3cret");
  }

  @Test
  void refusesBasicUserNamesThatCannotBeSent() {
    assertThatThrownBy(() -> new TargetAuth.Basic("a:b", Secret.of("pw")))
        .hasMessageContaining("target.auth.user");
    assertThatThrownBy(() -> new TargetAuth.Basic(" ", Secret.of("pw")))
        .hasMessageContaining("target.auth.user");
    assertThat(new TargetAuth.Basic("svc", Secret.of("b4sic-pw")).toString())
        .doesNotContain("b4sic-pw");
  }

  @Test
  void parsesProfileNamesFromConfiguration() {
    assertThat(TargetProfile.fromConfigName("aws-identity-center"))
        .isEqualTo(TargetProfile.AWS_IDENTITY_CENTER);
    assertThat(TargetProfile.fromConfigName("Generic")).isEqualTo(TargetProfile.GENERIC);
    assertThat(TargetProfile.AWS_IDENTITY_CENTER.configName()).isEqualTo("aws-identity-center");
    assertThatThrownBy(() -> TargetProfile.fromConfigName("okta"))
        .hasMessageContaining("generic, aws-identity-center");
  }
}
