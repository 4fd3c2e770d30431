package org.scimsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.scimsync.common.Secret;

class WebhookSignatureTest {

  private static final String SECRET = "correct horse battery staple";
  private static final byte[] BODY = "{\"users\":[\"u-1\"]}".getBytes(StandardCharsets.UTF_8);
  private static final long TIMESTAMP = 1_700_000_000L;

  // printf '1700000000.{"users":["u-1"]}' | openssl dgst -sha256 -hmac 'correct horse battery
  // staple'
  private static final String OPENSSL_SIGNATURE =
      "sha256=0761e69ea97c7f1e62686dea99521d24099f315028d9fff3a552e6ffb628f464";

  private final WebhookSignature signature = WebhookSignature.ofUtf8(SECRET);

  @Test
  void signsLikeOpensslDgstHmac() {
    assertThat(WebhookSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), TIMESTAMP, BODY))
        .isEqualTo(OPENSSL_SIGNATURE);
    assertThat(signature.sign(TIMESTAMP, BODY)).isEqualTo(OPENSSL_SIGNATURE);
  }

  @Test
  void verifiesItsOwnSignatureAndUpperCaseHex() {
    assertThat(signature.verify(OPENSSL_SIGNATURE, TIMESTAMP, BODY)).isTrue();
    assertThat(signature.verify(OPENSSL_SIGNATURE.toUpperCase(), TIMESTAMP, BODY)).isTrue();
  }

  @Test
  void refusesAnotherSecretTimestampOrBody() {
    WebhookSignature other = WebhookSignature.ofUtf8("another secret of some length");
    assertThat(other.verify(OPENSSL_SIGNATURE, TIMESTAMP, BODY)).isFalse();
    assertThat(signature.verify(OPENSSL_SIGNATURE, TIMESTAMP + 1, BODY)).isFalse();
    byte[] tampered = "{\"users\":[\"u-2\"]}".getBytes(StandardCharsets.UTF_8);
    assertThat(signature.verify(OPENSSL_SIGNATURE, TIMESTAMP, tampered)).isFalse();
  }

  @Test
  void refusesMalformedHeaders() {
    assertThat(signature.verify(null, TIMESTAMP, BODY)).isFalse();
    assertThat(signature.verify("", TIMESTAMP, BODY)).isFalse();
    assertThat(signature.verify(OPENSSL_SIGNATURE.substring(7), TIMESTAMP, BODY)).isFalse();
    assertThat(signature.verify("sha1=" + OPENSSL_SIGNATURE.substring(7), TIMESTAMP, BODY))
        .isFalse();
    assertThat(signature.verify("sha256=zz", TIMESTAMP, BODY)).isFalse();
    assertThat(signature.verify(OPENSSL_SIGNATURE.substring(0, 20), TIMESTAMP, BODY)).isFalse();
  }

  @Test
  void refusesAShortSecretWithoutShowingIt() {
    assertThatThrownBy(() -> WebhookSignature.ofUtf8("hunter2"))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("webhook.secret")
        .hasMessageNotContaining("hunter2")
        .extracting(e -> ((ServiceException) e).kind())
        .isEqualTo(ServiceException.Kind.INVALID_CONFIGURATION);
  }

  @Test
  void acceptsTheConfigurationsSecretType() {
    WebhookSignature fromConfig = WebhookSignature.of(Secret.of(SECRET));
    assertThat(fromConfig.verify(OPENSSL_SIGNATURE, TIMESTAMP, BODY)).isTrue();
  }

  @Test
  void neverShowsTheSecret() {
    assertThat(signature.toString()).doesNotContain(SECRET).contains("redacted");
  }
}
