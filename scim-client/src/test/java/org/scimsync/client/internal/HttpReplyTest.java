package org.scimsync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpReplyTest {

  private static HttpReply reply(String body) {
    return new HttpReply(400, body.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void decodesTheBodyAsUtf8() {
    assertThat(reply("Zugriff verweigert: Benutzer „Jörg“ – 東京").text())
        .isEqualTo("Zugriff verweigert: Benutzer „Jörg“ – 東京");
  }

  @Test
  void neverShowsTheBodyInToString() {
    HttpReply reply = reply("{\"detail\":\"token secret-123\"}");

    assertThat(reply.toString()).doesNotContain("secret-123").contains("status=400");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\r\n\t "})
  void anEmptyOrWhiteBodyIsBlank(String body) {
    assertThat(reply(body).blank()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", " x", "\u00a0"})
  void anyOtherBodyIsNotBlank(String body) {
    assertThat(reply(body).blank()).isFalse();
  }
}
