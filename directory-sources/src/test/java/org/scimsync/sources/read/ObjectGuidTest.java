package org.scimsync.sources.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ObjectGuidTest {

  @Test
  void rendersTheFirstThreeGroupsLittleEndianLikeActiveDirectory() {
    byte[] stored = HexFormat.of().parseHex("e004253f894fd3119a0c0305e82c3301");

    assertThat(ObjectGuid.toCanonicalString(stored))
        .isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    assertThat(ObjectGuid.fromCanonicalString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"))
        .isEqualTo(stored);
  }

  @Test
  void refusesValuesThatAreNotSixteenBytes() {
    assertThatThrownBy(() -> ObjectGuid.toCanonicalString(new byte[15]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("15");
  }
}
