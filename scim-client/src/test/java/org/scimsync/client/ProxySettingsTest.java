package org.scimsync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scimsync.common.Secret;

class ProxySettingsTest {

  private static Optional<ProxySettings> https(Map<String, String> env) {
    return ProxySettings.fromEnvironment(env, "https");
  }

  @Test
  void noVariableMeansNoProxy() {
    assertThat(https(Map.of())).isEmpty();
    assertThat(https(Map.of("HTTP_PROXY", "http://p:3128", "NO_PROXY", "*"))).isEmpty();
    assertThat(https(Map.of("HTTPS_PROXY", "  "))).isEmpty();
  }

  @Test
  void readsHttpsProxyForHttpsTargetsAndHttpProxyForHttpTargets() {
    Map<String, String> env =
        Map.of("HTTPS_PROXY", "http://secure-proxy:8443", "HTTP_PROXY", "http://plain-proxy:3128");

    assertThat(https(env))
        .get()
        .extracting(ProxySettings::uri)
        .isEqualTo(URI.create("http://secure-proxy:8443"));
    assertThat(ProxySettings.fromEnvironment(env, "http"))
        .get()
        .extracting(ProxySettings::uri)
        .isEqualTo(URI.create("http://plain-proxy:3128"));
  }

  @Test
  void theLowerCaseVariableWins() {
    Map<String, String> env =
        Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2");

    assertThat(https(env))
        .get()
        .extracting(ProxySettings::uri)
        .isEqualTo(URI.create("http://lower:1"));
    assertThat(https(Map.of("HTTPS_PROXY", "http://upper:2", "https_proxy", "")))
        .get()
        .extracting(ProxySettings::uri)
        .isEqualTo(URI.create("http://upper:2"));
  }

  @ParameterizedTest
  @CsvSource({
    "proxy.corp:3128, http://proxy.corp:3128",
    "http://proxy.corp:3128/, http://proxy.corp:3128",
    "HTTP://Proxy.Corp:3128, http://Proxy.Corp:3128",
    "http://proxy.corp, http://proxy.corp",
    "http://[::1]:3128, http://[::1]:3128",
    "10.0.0.5:8080, http://10.0.0.5:8080"
  })
  void acceptsTheUsualSpellings(String value, String expected) {
    ProxySettings proxy = https(Map.of("HTTPS_PROXY", value)).orElseThrow();

    assertThat(proxy.uri()).isEqualTo(URI.create(expected));
    assertThat(proxy.user()).isNull();
    assertThat(proxy.password()).isNull();
  }

  @Test
  void aUriWithoutPortMeansPort80() {
    assertThat(https(Map.of("HTTPS_PROXY", "http://proxy.corp")).orElseThrow().port())
        .isEqualTo(80);
    assertThat(https(Map.of("HTTPS_PROXY", "http://proxy.corp:3128")).orElseThrow().port())
        .isEqualTo(3128);
  }

  @Test
  void takesPercentEncodedCredentialsFromTheUrlAndKeepsThemOutOfTheUri() {
    ProxySettings proxy =
        https(Map.of("HTTPS_PROXY", "http://svc%40corp:p%3Ass+w%2Fd@proxy.corp:3128"))
            .orElseThrow();

    assertThat(proxy.uri()).isEqualTo(URI.create("http://proxy.corp:3128"));
    assertThat(proxy.user()).isEqualTo("svc@corp");
    assertThat(proxy.password()).isEqualTo(Secret.of("p:ss+w/d"));
    assertThat(proxy.toString()).doesNotContain("p:ss+w/d").doesNotContain("ss+w").contains("****");
  }

  @Test
  void aUserWithoutPasswordIsKept() {
    ProxySettings proxy = https(Map.of("HTTPS_PROXY", "http://svc@proxy.corp:3128")).orElseThrow();

    assertThat(proxy.user()).isEqualTo("svc");
    assertThat(proxy.password()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://user:Hunter2-pw@proxy.corp:443",
        "socks5://user:Hunter2-pw@proxy.corp:1080",
        "http://user:Hunter2-pw@proxy.corp:3128/some/path",
        "http://user:Hunter2-pw@:3128",
        "http://user:Hunter2-pw@proxy corp:3128"
      })
  void refusesAnUnusableProxyNamingTheVariableButNeverThePassword(String value) {
    assertThatThrownBy(() -> https(Map.of("HTTPS_PROXY", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HTTPS_PROXY")
        .hasMessageNotContaining("Hunter2-pw");
  }

  @Test
  void refusesAnUnknownTargetScheme() {
    assertThatThrownBy(() -> ProxySettings.fromEnvironment(Map.of(), "ftp"))
        .hasMessageContaining("ftp");
  }

  @Test
  void validatesConfiguredSettings() {
    assertThatThrownBy(
            () -> new ProxySettings(URI.create("http://u:pw@proxy:3128"), null, null, List.of()))
        .hasMessageContaining("target.proxy.url")
        .hasMessageNotContaining("pw");
    assertThatThrownBy(
            () ->
                new ProxySettings(URI.create("http://proxy:3128"), null, Secret.of("x"), List.of()))
        .hasMessageContaining("target.proxy.password");
    assertThatThrownBy(() -> ProxySettings.of(URI.create("https://proxy:3128")))
        .hasMessageContaining("http://");
    assertThatThrownBy(
            () ->
                new ProxySettings(
                    URI.create("http://proxy:3128"), null, null, List.of("example.com:https")))
        .hasMessageContaining("example.com:https");
  }

  @Test
  void readsNoProxyFromEitherSpelling() {
    assertThat(https(Map.of("HTTPS_PROXY", "p:1", "NO_PROXY", "a.example, b.example")))
        .get()
        .extracting(ProxySettings::noProxy)
        .isEqualTo(List.of("a.example", "b.example"));
    assertThat(https(Map.of("HTTPS_PROXY", "p:1", "no_proxy", ".Corp.Example  localhost")))
        .get()
        .extracting(ProxySettings::noProxy)
        .isEqualTo(List.of("corp.example", "localhost"));
  }

  private static ProxySettings noProxy(String... entries) {
    return new ProxySettings(URI.create("http://proxy:3128"), null, null, List.of(entries));
  }

  @ParameterizedTest(name = "NO_PROXY={0} host={1}:{2} -> direct={3}")
  @CsvSource({
    "'*', scim.eu-west-1.amazonaws.com, 443, true",
    "amazonaws.com, scim.eu-west-1.amazonaws.com, 443, true",
    "amazonaws.com, amazonaws.com, 443, true",
    ".amazonaws.com, amazonaws.com, 443, true",
    ".amazonaws.com, scim.eu-west-1.amazonaws.com, 443, true",
    "'*.amazonaws.com', scim.eu-west-1.amazonaws.com, 443, true",
    "amazonaws.com, notamazonaws.com, 443, false",
    "amazonaws.com, amazonaws.com.evil.example, 443, false",
    "AmazonAWS.com, SCIM.amazonaws.COM., 443, true",
    "corp.example:8443, api.corp.example, 8443, true",
    "corp.example:8443, api.corp.example, 443, false",
    "10.1.2.3, 10.1.2.3, 443, true",
    "10.1.2.3, 10.1.2.33, 443, false",
    "::1, [::1], 443, true",
    "[::1]:8443, ::1, 8443, true",
    "[::1]:8443, ::1, 443, false",
    "localhost, 127.0.0.1, 443, false",
    "'', scim.example, 443, false"
  })
  void matchesNoProxyEntriesAsCurlDoes(String entries, String host, int port, boolean direct) {
    ProxySettings proxy = noProxy(entries.split(","));

    assertThat(proxy.bypasses(host, port)).isEqualTo(direct);
  }

  @Test
  void severalEntriesAnyOfWhichMatches() {
    ProxySettings proxy =
        https(Map.of("HTTPS_PROXY", "p:1", "NO_PROXY", "localhost,127.0.0.1,.internal:8443"))
            .orElseThrow();

    assertThat(proxy.bypasses("localhost", 443)).isTrue();
    assertThat(proxy.bypasses("127.0.0.1", 9000)).isTrue();
    assertThat(proxy.bypasses("scim.internal", 8443)).isTrue();
    assertThat(proxy.bypasses("scim.internal", 443)).isFalse();
    assertThat(proxy.bypasses("scim.amazonaws.com", 443)).isFalse();
  }
}
