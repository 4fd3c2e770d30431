package org.scimsync.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.scimsync.common.ConfigValueException;
import org.scimsync.sources.csv.CsvDelimiter;
import org.scimsync.sources.csv.CsvEncoding;
import org.scimsync.sources.ldap.LdapSourceConfig;

/**
 * The {@code source} section binds from YAML to the adapters' records, as the configuration loader
 * binds it (unknown keys refused): each key added for real directories and HR exports, and the
 * {@link ConfigValueException} that names a bad one.
 */
class SourceConfigYamlTest {

  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

  static SourceConfig source(String yaml) throws Exception {
    return YAML.readValue(yaml, SourceConfig.class);
  }

  /** The {@link ConfigValueException} behind a refused section. */
  static ConfigValueException refusal(String yaml) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> source(yaml));
    assertThat(thrown).isNotNull();
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConfigValueException invalid) {
        return invalid;
      }
    }
    throw new AssertionError("no ConfigValueException behind " + thrown, thrown);
  }

  @Test
  void severalServersAndBasesBindAsListsAndOneAsItself() throws Exception {
    LdapSourceConfig several =
        source(
                """
                type: ldap
                ldap:
                  url: [ldaps://dc1.example.com, ldaps://dc2.example.com:3269]
                  flavor: active-directory
                  userBase:
                    - OU=Staff,DC=example,DC=com
                    - OU=Contractors,DC=example,DC=com
                  groupBase: ["OU=Groups,DC=example,DC=com", "CN=Users,DC=example,DC=com"]
                """)
            .ldapConfig();
    LdapSourceConfig one =
        source(
                """
                type: ldap
                ldap:
                  url: ldap://ldap.example.com
                  userBase: ou=People,dc=example,dc=com
                """)
            .ldapConfig();

    assertThat(several.urls())
        .containsExactly("ldaps://dc1.example.com", "ldaps://dc2.example.com:3269");
    assertThat(several.url()).isEqualTo("ldaps://dc1.example.com");
    assertThat(several.userBases())
        .containsExactly("OU=Staff,DC=example,DC=com", "OU=Contractors,DC=example,DC=com");
    assertThat(several.groupBases())
        .containsExactly("OU=Groups,DC=example,DC=com", "CN=Users,DC=example,DC=com");
    assertThat(one.urls()).containsExactly("ldap://ldap.example.com");
    assertThat(one.userBases()).containsExactly("ou=People,dc=example,dc=com");
    assertThat(one.groupBases()).isEqualTo(one.userBases());
  }

  @Test
  void theOtherLdapKeysBind() throws Exception {
    LdapSourceConfig ldap =
        source(
                """
                type: ldap
                ldap:
                  url: ldap://ldap.example.com
                  userBase: ou=People,dc=example,dc=com
                  pageSize: 250
                  memberAttributes: [uniqueMember]
                  groupNameAttribute: ou
                  connectTimeoutSeconds: 3
                  searchTimeoutSeconds: 120
                """)
            .ldapConfig();

    assertThat(ldap.pageSize()).isEqualTo(250);
    assertThat(ldap.memberAttributes()).containsExactly("uniqueMember");
    assertThat(ldap.groupNameAttribute()).isEqualTo("ou");
    assertThat(ldap.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(ldap.searchTimeout()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void badServersAndBasesNameTheirKey() {
    String yaml = "type: ldap\nldap:\n  url: %s\n  userBase: %s\n";

    ConfigValueException url = refusal(yaml.formatted("[ldaps://dc1, https://dc2]", "dc=x"));
    assertThat(url.key()).isEqualTo("url");
    assertThat(url.getMessage()).contains("'https://dc2'");
    assertThat(refusal(yaml.formatted("[]", "dc=x")).key()).isEqualTo("url");
    assertThat(refusal(yaml.formatted("ldap://dc1", "[]")).key()).isEqualTo("userBase");
    assertThat(refusal(yaml.formatted("ldap://dc1", "[dc=x, '']")).key()).isEqualTo("userBase");
    ConfigValueException mixed =
        refusal(yaml.formatted("[ldap://dc1, ldaps://dc2]", "dc=x") + "  startTls: true\n");
    assertThat(mixed.key()).isEqualTo("startTls");
    ConfigValueException pageSize =
        refusal(yaml.formatted("ldap://dc1", "dc=x") + "  pageSize: 0\n");
    assertThat(pageSize.key()).isEqualTo("pageSize");
  }

  @Test
  void basesThatYamlSplitAtTheirCommasAreRefusedWithTheReason() {
    ConfigValueException split =
        refusal(
            """
            type: ldap
            ldap:
              url: ldap://dc1
              userBase: [OU=Staff,DC=example,DC=com, OU=Contractors,DC=example,DC=com]
            """);

    assertThat(split.key()).isEqualTo("userBase");
    assertThat(split.getMessage()).contains("split at their commas", "one base per line");
  }

  @Test
  void csvDelimiterAndEncodingBind() throws Exception {
    SourceConfig config =
        source(
            """
            type: csv
            csv:
              users: users.csv
              delimiter: ";"
              encoding: cp1252
            """);

    assertThat(config.csv().delimiter()).isEqualTo(CsvDelimiter.SEMICOLON);
    assertThat(config.csv().encoding()).isEqualTo(CsvEncoding.WINDOWS_1252);
  }

  @Test
  void aTabIsWrittenAsTabOrAsTheCharacter() throws Exception {
    String yaml = "type: csv\ncsv:\n  users: u.csv\n  delimiter: %s\n";

    assertThat(source(yaml.formatted("tab")).csv().delimiter()).isEqualTo(CsvDelimiter.TAB);
    assertThat(source(yaml.formatted("\"\\t\"")).csv().delimiter()).isEqualTo(CsvDelimiter.TAB);
    assertThat(source("type: csv\ncsv:\n  users: u.csv\n").csv().delimiter())
        .isEqualTo(CsvDelimiter.COMMA);
    assertThat(source("type: csv\ncsv:\n  users: u.csv\n").csv().encoding())
        .isEqualTo(CsvEncoding.UTF_8);
  }

  @Test
  void anUnknownDelimiterOrEncodingNamesTheAcceptedValues() {
    assertThat(refusal("type: csv\ncsv:\n  users: u.csv\n  delimiter: \"|\"\n").getMessage())
        .contains("unknown value '|'", ", | ; | tab");
    assertThat(refusal("type: csv\ncsv:\n  users: u.csv\n  encoding: UTF-16\n").getMessage())
        .contains("unknown value 'UTF-16'", "UTF-8 | windows-1252 | ISO-8859-1");
    assertThatThrownBy(() -> source("type: csv\ncsv:\n  users: u.csv\n  encoding: ebcdic-x\n"))
        .hasMessageContaining("unknown value 'ebcdic-x'");
  }
}
