package org.scimsync.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.sources.assembly.NestedGroups;
import org.scimsync.sources.csv.CsvSourceConfig;
import org.scimsync.sources.ldap.LdapSourceConfig;

/**
 * The {@code source} section binds to the directory adapters' own settings: every adapter setting
 * has a key, and the keys of one adapter are refused in another's section.
 */
class SourceKeysTest {

  private static final String TARGET =
      """
      target:
        url: https://scim.example.com/scim/v2
        token: ${SCIM_TOKEN}
      """;

  @TempDir Path dir;

  private final ConfigLoader loader = new ConfigLoader(Map.of("SCIM_TOKEN", "tok"));

  private ScimSyncConfig load(String source) throws IOException {
    Path file = dir.resolve("scim-sync.yaml");
    Files.writeString(file, source + TARGET);
    return loader.load(file);
  }

  private ConfigException failure(String source) {
    assertThatThrownBy(() -> load(source)).isInstanceOf(ConfigException.class);
    try {
      load(source);
      throw new AssertionError("loaded");
    } catch (ConfigException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyLdapSettingHasAKey() throws IOException {
    LdapSourceConfig ldap =
        load("""
                source:
                  type: ldap
                  ldap:
                    url: ldap://ldap.example.com
                    userBase: ou=people,dc=example,dc=com
                    pageSize: 200
                    memberAttributes: [uniqueMember]
                    groupNameAttribute: ou
                    timeoutSeconds: 20
                    searchTimeoutSeconds: 90
                  users:
                    key: uid
                  groups:
                    key: gidNumber
                    nested: ignore
                """)
            .source()
            .ldap();

    assertThat(ldap.pageSize()).isEqualTo(200);
    assertThat(ldap.memberAttributes()).containsExactly("uniqueMember");
    assertThat(ldap.groupNameAttribute()).isEqualTo("ou");
    assertThat(ldap.connectTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(ldap.searchTimeout()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void theLdapDefaultsAreTheFileFormatsOwn() throws IOException {
    LdapSourceConfig ldap =
        load("""
                source:
                  type: ldap
                  ldap:
                    url: ldap://ldap.example.com
                    userBase: ou=people,dc=example,dc=com
                """)
            .source()
            .ldap();

    assertThat(ldap.pageSize()).isEqualTo(LdapSourceConfig.DEFAULT_PAGE_SIZE);
    assertThat(ldap.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(ldap.searchTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(ldap.memberAttributes()).contains("member", "uniqueMember", "memberUid");
  }

  @Test
  void everyCsvSettingHasAKey() throws IOException {
    CsvSourceConfig csv =
        load("""
                source:
                  type: csv
                  csv:
                    users: users.csv
                    groups: groups.csv
                    multiValuedColumns: [mail, Phone]
                    valueSeparator: "|"
                    groupKeyColumn: gid
                    groupNameColumn: title
                    memberColumn: uid
                """)
            .source()
            .csv();

    assertThat(csv.multiValuedColumns()).containsExactlyInAnyOrder("mail", "phone");
    assertThat(csv.valueSeparator()).isEqualTo("|");
    assertThat(csv.groupKeyColumn()).isEqualTo("gid");
    assertThat(csv.groupNameColumn()).isEqualTo("title");
    assertThat(csv.memberColumn()).isEqualTo("uid");
  }

  @Test
  void ldifObjectClassesAndMemberAttributesHaveKeys() throws IOException {
    ScimSyncConfig config =
        load(
            """
            source:
              type: ldif
              path: directory.ldif
              ldif:
                userObjectClasses: [account]
                groupObjectClasses: [posixGroup]
                memberAttributes: [memberUid]
                groupNameAttribute: cn
              groups:
                nested: ignore
            """);

    assertThat(config.source().ldif().userObjectClasses()).containsExactly("account");
    assertThat(config.source().ldif().memberAttributes()).isEqualTo(List.of("memberUid"));
    assertThat(config.source().groups().nested()).isEqualTo(NestedGroups.IGNORE);
  }

  @Test
  void severalServersAndBasesAndTheCsvExportKeysLoad() throws IOException {
    LdapSourceConfig ldap =
        load("""
                source:
                  type: ldap
                  ldap:
                    url: [ldaps://dc1.example.com, ldaps://dc2.example.com]
                    flavor: active-directory
                    userBase:
                      - OU=Staff,DC=example,DC=com
                      - OU=Contractors,DC=example,DC=com
                    groupBase: CN=Users,DC=example,DC=com
                """)
            .source()
            .ldap();
    CsvSourceConfig csv =
        load("""
                source:
                  type: csv
                  csv:
                    users: users.csv
                    delimiter: ";"
                    encoding: windows-1252
                """)
            .source()
            .csv();

    assertThat(ldap.urls()).containsExactly("ldaps://dc1.example.com", "ldaps://dc2.example.com");
    assertThat(ldap.userBases()).hasSize(2);
    assertThat(ldap.groupBases()).containsExactly("CN=Users,DC=example,DC=com");
    assertThat(csv.delimiter().character()).isEqualTo(';');
    assertThat(csv.encoding().charset().name()).isEqualTo("windows-1252");
  }

  @Test
  void aBaseListSplitByYamlNamesItsKeyAndLine() {
    ConfigException split =
        failure(
            """
            source:
              type: ldap
              ldap:
                url: ldap://ldap.example.com
                userBase: [OU=Staff,DC=example,DC=com]
            """);

    assertThat(split.key()).isEqualTo("source.ldap.userBase");
    assertThat(split.getMessage()).contains("split at their commas").contains("scim-sync.yaml:5:");
  }

  @Test
  void keysOfTheSharedSectionsAreRefusedInsideAnAdaptersSection() {
    ConfigException e =
        failure(
            """
            source:
              type: ldap
              ldap:
                url: ldap://ldap.example.com
                userBase: ou=people,dc=example,dc=com
                userKey: uid
            """);

    assertThat(e.key()).isEqualTo("source.ldap.userKey");
    assertThat(e.getMessage()).contains("unknown key 'userKey'").contains("scim-sync.yaml:6:");
  }

  @Test
  void badValuesOfTheNewKeysNameTheirKeyAndLine() {
    ConfigException pageSize =
        failure(
            """
            source:
              type: ldap
              ldap:
                url: ldap://ldap.example.com
                userBase: ou=people,dc=example,dc=com
                pageSize: 0
            """);
    assertThat(pageSize.key()).isEqualTo("source.ldap.pageSize");
    assertThat(pageSize.getMessage())
        .contains("must be a positive number")
        .contains("scim-sync.yaml:6:");

    ConfigException members =
        failure(
            """
            source:
              type: ldif
              path: d.ldif
              ldif:
                memberAttributes: []
            """);
    assertThat(members.key()).isEqualTo("source.ldif.memberAttributes");

    ConfigException ldifOnCsv =
        failure(
            """
            source:
              type: csv
              csv:
                users: u.csv
              ldif:
                userObjectClasses: [person]
            """);
    assertThat(ldifOnCsv.key()).isEqualTo("source.ldif");
    assertThat(ldifOnCsv.getMessage()).contains("only used with source type ldif");
  }
}
