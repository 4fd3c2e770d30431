package org.scimsync.sources.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ObjectSidTest {

  /** "Domain Users" of a Samba domain, as ldapsearch printed its objectSid. */
  private static final byte[] DOMAIN_USERS =
      Base64.getDecoder().decode("AQUAAAAAAAUVAAAAWLnYcbw6uUdfNb8xAQIAAA==");

  @Test
  void rendersTheStringFormWithLittleEndianSubAuthorities() {
    assertThat(ObjectSid.toText(DOMAIN_USERS))
        .isEqualTo("S-1-5-21-1910028632-1203321532-834614623-513");
  }

  @Test
  void replacesTheRelativeIdentifier() {
    assertThat(ObjectSid.withRid("S-1-5-21-1910028632-1203321532-834614623-1104", 513))
        .isEqualTo("S-1-5-21-1910028632-1203321532-834614623-513");
  }

  @Test
  void turnsTheStringFormBackIntoBytes() {
    assertThat(ObjectSid.toBytes("S-1-5-21-1910028632-1203321532-834614623-513"))
        .isEqualTo(DOMAIN_USERS);
  }

  @Test
  void refusesBytesThatAreNotASid() {
    assertThat(ObjectSid.toText(null)).isNull();
    assertThat(ObjectSid.toText(new byte[] {1, 5, 0})).isNull();
    byte[] truncated = java.util.Arrays.copyOf(DOMAIN_USERS, DOMAIN_USERS.length - 1);
    assertThat(ObjectSid.toText(truncated)).isNull();
  }
}
