package org.scimsync.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void hidesItsValueInToString() {
    Secret secret = Secret.of("hunter2");

    assertThat(secret).hasToString("****");
    assertThat(secret.reveal()).isEqualTo("hunter2");
  }

  @Test
  void comparesByValue() {
    assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).hasSameHashCodeAs(Secret.of("b"));
    assertThat(Secret.of("a")).isNotEqualTo(Secret.of("b")).isNotEqualTo(Secret.of("aa"));
  }

  @Test
  void refusesAnEmptySecret() {
    assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
  }
}
