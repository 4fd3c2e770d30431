package org.scimsync.sources.ldap.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scimsync.sources.assembly.NestedGroups;
import org.scimsync.sources.ldap.LdapFlavor;
import org.scimsync.sources.ldap.LdapSourceConfig;

class CheckpointTest {

  private static final LdapSourceConfig CONFIG =
      LdapSourceConfig.of("ldap://localhost", LdapFlavor.OPENLDAP, "dc=example,dc=com");

  @Test
  void readsBackWhatItWrote() {
    Checkpoint checkpoint =
        new Checkpoint(
            ChangeMechanism.CONTENT_SYNC,
            "openldap:1234",
            Checkpoint.settingsOf(CONFIG),
            Map.of("u:dc=example,dc=com", "cmlkPTAwMA=="));

    String text = checkpoint.encode();

    assertThat(text).startsWith(Checkpoint.PREFIX);
    assertThat(Checkpoint.decode(text)).isEqualTo(checkpoint);
  }

  @Test
  void refusesWhatItDidNotWrite() {
    assertThat(Checkpoint.decode("")).isNull();
    assertThat(Checkpoint.decode("ldapcp1:***")).isNull();
    assertThat(Checkpoint.decode(Checkpoint.PREFIX + encode("{\"version\":2}"))).isNull();
    assertThat(
            Checkpoint.decode(
                Checkpoint.PREFIX
                    + encode(
                        "{\"version\":1,\"mechanism\":\"carrier-pigeon\",\"server\":\"s\","
                            + "\"settings\":\"x\",\"positions\":{}}")))
        .isNull();
  }

  @Test
  void settingsThatChangeWhatIsReadChangeTheFingerprint() {
    String settings = Checkpoint.settingsOf(CONFIG);

    assertThat(Checkpoint.settingsOf(CONFIG.withKeys(null, null, null))).isEqualTo(settings);
    assertThat(Checkpoint.settingsOf(CONFIG.withKeys("uid", null, null))).isNotEqualTo(settings);
    assertThat(Checkpoint.settingsOf(CONFIG.withKeys(null, null, NestedGroups.IGNORE)))
        .isNotEqualTo(settings);
  }

  @Test
  void findsTheCsnOfAnOpenLdapCookie() {
    assertThat(OpenLdapChanges.csnOf("rid=000,csn=20261206061745.378667Z#000000#000#000000"))
        .isEqualTo("20261206061745.378667Z#000000#000#000000");
    assertThat(OpenLdapChanges.csnOf("rid=000")).isNull();
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
  }
}
