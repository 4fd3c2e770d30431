package org.scimsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.emulator.ScimEmulator;

/** The CSV and LDAP sources as the composition root wires them from the configuration. */
class SourcesIT {

  private static final String LDAP_PASSWORD = "ldap-s3cr3t-pw";

  @TempDir Path dir;

  @Test
  void csvSourceSyncs() throws IOException {
    Files.writeString(
        dir.resolve("users.csv"),
        "id,mail,givenName,sn,displayName\n"
            + "u1,ann@example.org,Ann,Lee,Ann Lee\n"
            + "u2,ben@example.org,Ben,Ode,Ben Ode\n");
    Files.writeString(
        dir.resolve("groups.csv"), "group,name,member\ng1,aws-team,u1\ng1,aws-team,u2\n");
    try (ScimEmulator emulator = ScimEmulator.builder().token(SyncSetup.TOKEN).build().start()) {
      Path config = dir.resolve("scim-sync.yaml");
      Files.writeString(
          config,
          """
          source:
            type: csv
            csv:
              users: users.csv
              groups: groups.csv
            users:
              key: id
          target:
            url: %s
            token: ${SCIM_TOKEN}
          """
              .formatted(emulator.baseUri()));
      CliRun run =
          CliRun.of(Map.of("SCIM_TOKEN", SyncSetup.TOKEN), "sync", "-c", config.toString());
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out()).contains("+ create group aws-team (2 members)");
      assertThat(emulator.snapshot().users()).hasSize(2);
    }
  }

  @Test
  void ldapSourceIsReadWithTheBindPasswordAndNeverShowsIt() throws Exception {
    InMemoryDirectoryServerConfig serverConfig =
        new InMemoryDirectoryServerConfig("dc=example,dc=org");
    serverConfig.addAdditionalBindCredentials("cn=svc-scim", LDAP_PASSWORD);
    serverConfig.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
    serverConfig.setSchema(null);
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(serverConfig);
    server.add("dn: dc=example,dc=org", "objectClass: domain", "dc: example");
    server.add("dn: ou=people,dc=example,dc=org", "objectClass: organizationalUnit", "ou: people");
    server.add("dn: ou=groups,dc=example,dc=org", "objectClass: organizationalUnit", "ou: groups");
    try (LDIFReader ldif =
        new LDIFReader(SyncSetup.class.getResourceAsStream("/demo/directory.ldif"))) {
      server.importFromLDIF(false, ldif);
    }
    server.startListening();
    try (ScimEmulator emulator = ScimEmulator.builder().token(SyncSetup.TOKEN).build().start()) {
      Path config = dir.resolve("scim-sync.yaml");
      Files.writeString(
          config,
          """
          source:
            type: ldap
            ldap:
              url: ldap://127.0.0.1:%d
              bindDn: cn=svc-scim
              bindPassword: ${LDAP_PASSWORD}
              flavor: openldap
              userBase: ou=people,dc=example,dc=org
              groupBase: ou=groups,dc=example,dc=org
          target:
            url: %s
            token: ${SCIM_TOKEN}
          groups:
            include: group.cn =^ 'aws-'
          """
              .formatted(server.getListenPort(), emulator.baseUri()));
      Map<String, String> env =
          Map.of("SCIM_TOKEN", SyncSetup.TOKEN, "LDAP_PASSWORD", LDAP_PASSWORD);
      CliRun validate = CliRun.of(env, "validate", "-c", config.toString());
      assertThat(validate.exitCode()).as(validate.all()).isZero();
      assertThat(validate.out()).contains("25 users, 6 groups");
      CliRun sync = CliRun.of(env, "sync", "-c", config.toString());
      assertThat(sync.exitCode()).as(sync.all()).isZero();
      assertThat(emulator.snapshot().groups()).hasSize(5);

      CliRun refused =
          CliRun.of(
              Map.of("SCIM_TOKEN", SyncSetup.TOKEN, "LDAP_PASSWORD", "wrong-password"),
              "sync",
              "-c",
              config.toString());
      assertThat(refused.exitCode()).as(refused.all()).isEqualTo(4);
      assertThat(validate.all() + sync.all() + refused.all())
          .doesNotContain(LDAP_PASSWORD)
          .doesNotContain("wrong-password")
          .doesNotContain(SyncSetup.TOKEN);
    } finally {
      server.shutDown(true);
    }
  }
}
