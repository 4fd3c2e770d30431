package org.scimsync.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scimsync.cli.app.internal.Ports;
import org.scimsync.cli.exit.ExitCode;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetProfile;
import org.scimsync.engine.plan.SyncPolicy.GroupDeprovision;
import org.scimsync.engine.plan.SyncPolicy.UserDeprovision;
import org.scimsync.service.ListenAddress;
import org.scimsync.sources.SourceType;
import org.scimsync.sources.assembly.NestedGroups;
import org.scimsync.sources.ldap.LdapFlavor;
import org.scimsync.sources.ldap.LdapSourceConfig;

class ConfigLoaderTest {

  private static final String MINIMAL =
      """
      source:
        type: ldif
        path: directory.ldif
      target:
        url: https://scim.example.com/scim/v2
        token: ${SCIM_TOKEN}
      """;

  @TempDir Path dir;

  private final ConfigLoader loader =
      new ConfigLoader(Map.of("SCIM_TOKEN", "tok-s3cr3t", "LDAP_PASSWORD", "ldap-s3cr3t"));

  private ScimSyncConfig load(String yaml) throws IOException {
    Path file = dir.resolve("scim-sync.yaml");
    Files.writeString(file, yaml);
    return loader.load(file);
  }

  private ConfigException failure(String yaml) {
    Path file = dir.resolve("scim-sync.yaml");
    try {
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    try {
      loader.load(file);
    } catch (ConfigException e) {
      assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID);
      assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("s3cr3t");
      return e;
    }
    throw new AssertionError("expected a ConfigException");
  }

  @Test
  void loadsTheContractExampleWithEveryKey() throws IOException {
    Files.writeString(dir.resolve("webhook-secret"), "  hook-s3cr3t-0123456789\n");
    String example =
        Files.readString(Path.of("src/test/resources/config/full.yaml"))
            .replace("/etc/scim-sync/webhook-secret", "webhook-secret");
    ScimSyncConfig config = load(example);

    assertThat(config.source().type()).isEqualTo(SourceType.LDIF);
    assertThat(config.source().path()).isEqualTo(dir.resolve("directory.ldif"));
    assertThat(config.source().users().key()).isEqualTo("entryUUID");
    assertThat(config.source().groups().nested()).isEqualTo(NestedGroups.FLATTEN);
    assertThat(config.target().profile()).isEqualTo(TargetProfile.AWS_IDENTITY_CENTER);
    assertThat(config.target().url().toString())
        .isEqualTo("https://scim.eu-west-1.amazonaws.com/abcd-1234/scim/v2");
    assertThat(config.target().token().reveal()).isEqualTo("tok-s3cr3t");
    assertThat(config.target().rateLimit().readsPerSecond()).isEqualTo(40.0);
    assertThat(config.target().rateLimit().writesPerSecond()).isEqualTo(25.0);
    assertThat(config.target().timeoutSeconds()).isEqualTo(30);
    assertThat(config.target().trustStore()).isEqualTo(dir.resolve("ca.p12"));
    assertThat(config.statePath()).isEqualTo(dir.resolve("scim-sync.db"));
    assertThat(config.users().include()).isEqualTo("user.mail != null");
    assertThat(config.users().map().keySet())
        .containsExactly(
            "userName",
            "displayName",
            "name.givenName",
            "name.familyName",
            "emails",
            "title",
            "active",
            "enterprise.department",
            "enterprise.employeeNumber");
    assertThat(config.users().map().get("displayName"))
        .isEqualTo("user.displayName ?? (user.givenName + ' ' + user.sn)");
    assertThat(config.users().drop()).containsExactly("photos");
    assertThat(config.groups().include()).isEqualTo("group.cn =^ 'aws-'");
    assertThat(config.groups().map()).containsExactly(Map.entry("displayName", "group.cn"));
    assertThat(config.deprovision().users()).isEqualTo(UserDeprovision.DELETE);
    assertThat(config.deprovision().groups()).isEqualTo(GroupDeprovision.DELETE);
    assertThat(config.deprovision().maxDeletes()).isEqualTo(50);
    assertThat(config.deprovision().maxDeletePercent()).isEqualTo(10);
    assertThat(config.schedule().cron()).isEqualTo("0 */15 * * * ?");
    assertThat(config.schedule().fullEvery()).isEqualTo(Duration.ofHours(6));
    assertThat(config.webhook().listen()).isEqualTo(new ListenAddress("127.0.0.1", 8088));
    assertThat(config.webhook().secret().reveal()).isEqualTo("hook-s3cr3t-0123456789");
    assertThat(config.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void theDocumentedExampleLoads() throws IOException {
    String doc = Files.readString(Path.of("../docs/configuration.md"));
    int start = doc.indexOf("```yaml\n", doc.indexOf("## A complete example")) + 8;
    String yaml = doc.substring(start, doc.indexOf("```", start));
    Files.writeString(dir.resolve("webhook-secret"), "0123456789abcdef-hook");
    ScimSyncConfig config = load(yaml.replace("/etc/scim-sync/webhook-secret", "webhook-secret"));
    assertThat(config.users().drop()).containsExactly("photos");
    assertThat(config.webhook().secret().reveal()).isEqualTo("0123456789abcdef-hook");
  }

  @Test
  void appliesDefaultsToAMinimalFile() throws IOException {
    ScimSyncConfig config = load(MINIMAL);

    assertThat(config.statePath()).isEqualTo(dir.resolve("scim-sync.db"));
    assertThat(config.target().profile()).isEqualTo(TargetProfile.AWS_IDENTITY_CENTER);
    assertThat(config.target().timeoutSeconds()).isEqualTo(30);
    assertThat(config.target().rateLimit().readsPerSecond()).isNull();
    assertThat(config.users().include()).isNull();
    assertThat(config.deprovision())
        .isEqualTo(new DeprovisionConfig(UserDeprovision.DISABLE, GroupDeprovision.KEEP, 50, 10));
    assertThat(config.schedule().fullEvery()).isEqualTo(Duration.ofHours(6));
    assertThat(config.webhook().listen().toString()).isEqualTo("127.0.0.1:8088");
    assertThat(config.webhook().secret()).isNull();
  }

  @Test
  void readsCsvAndLdapSources() throws IOException {
    ScimSyncConfig csv =
        load(
            MINIMAL.replace(
                "  type: ldif\n  path: directory.ldif\n",
                "  type: csv\n  csv:\n    users: in/users.csv\n    groups: /abs/groups.csv\n"));
    assertThat(csv.source().csv().users()).isEqualTo(dir.resolve("in/users.csv"));
    assertThat(csv.source().csv().groups()).isEqualTo(Path.of("/abs/groups.csv"));

    ScimSyncConfig ldap =
        load(
            MINIMAL.replace(
                "  type: ldif\n  path: directory.ldif\n",
                """
                  type: ldap
                  ldap:
                    url: ldaps://dc1.example.com:636
                    bindDn: CN=svc-scim,OU=Service,DC=example,DC=com
                    bindPassword: ${LDAP_PASSWORD}
                    flavor: active-directory
                    userBase: OU=Staff,DC=example,DC=com
                    userFilter: (&(objectClass=user)(objectCategory=person))
                    groupBase: OU=Groups,DC=example,DC=com
                    groupFilter: (objectClass=group)
                  users:
                    key: objectGUID
                """));
    LdapSourceConfig settings = ldap.source().ldap();
    assertThat(settings.url()).startsWith("ldaps://");
    assertThat(settings.bindPassword().reveal()).isEqualTo("ldap-s3cr3t");
    assertThat(settings.flavor()).isEqualTo(LdapFlavor.ACTIVE_DIRECTORY);
    assertThat(settings.userFilter()).isEqualTo("(&(objectClass=user)(objectCategory=person))");
    assertThat(ldap.source().users().key()).isEqualTo("objectGUID");
    assertThat(ldap.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void interpolatesFilesRelativeToTheConfigurationAndKeepsEscapes() throws IOException {
    Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(dir.resolve("secrets/token"), "\n from-file \n");
    ScimSyncConfig config =
        load(
            MINIMAL.replace("${SCIM_TOKEN}", "${file:secrets/token}")
                + "users:\n  map:\n    title: \"`Dr $${user.sn}`\"\n");
    assertThat(config.target().token().reveal()).isEqualTo("from-file");
    assertThat(config.users().map().get("title")).isEqualTo("`Dr ${user.sn}`");
  }

  @Test
  void interpolatesNumbersAndEnums() throws IOException {
    ConfigLoader withVars = new ConfigLoader(Map.of("SCIM_TOKEN", "t", "MAX", "7", "MODE", "keep"));
    Path file = dir.resolve("vars.yaml");
    Files.writeString(file, MINIMAL + "deprovision:\n  maxDeletes: ${MAX}\n  users: ${MODE}\n");
    DeprovisionConfig deprovision = withVars.load(file).deprovision();
    assertThat(deprovision.maxDeletes()).isEqualTo(7);
    assertThat(deprovision.users()).isEqualTo(UserDeprovision.KEEP);
  }

  @Test
  void unknownKeyNamesTheKeyAndLineAndSuggestsTheClosest() {
    ConfigException e = failure(MINIMAL + "deprovision:\n  maxDelete: 5\n");
    assertThat(e.key()).isEqualTo("deprovision.maxDelete");
    assertThat(e.line()).isEqualTo(8);
    assertThat(e.getMessage()).contains(":8:").contains("did you mean 'maxDeletes'?");
  }

  @Test
  void unknownTopLevelKeyIsSuggested() {
    ConfigException e = failure(MINIMAL + "deprovison:\n  users: keep\n");
    assertThat(e.key()).isEqualTo("deprovison");
    assertThat(e.getMessage()).contains("did you mean 'deprovision'?");
  }

  @Test
  void unknownKeyFarFromAnyListsTheKnownKeys() {
    ConfigException e = failure(MINIMAL.replace("  token:", "  zzzzzzzzzzzz: 1\n  token:"));
    assertThat(e.key()).isEqualTo("target.zzzzzzzzzzzz");
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.getMessage()).contains("known keys here:").contains("rateLimit");
  }

  @Test
  void brokenYamlNamesTheLine() {
    ConfigException e = failure(MINIMAL + "users:\n  include: 'unclosed\n");
    assertThat(e.getMessage()).contains("invalid YAML");
    assertThat(e.line()).isBetween(8, 9);
  }

  @Test
  void duplicateKeyIsRefused() {
    ConfigException e = failure(MINIMAL + "state:\n  path: a.db\n  path: b.db\n");
    assertThat(e.getMessage()).contains(":9:").contains("duplicate key 'path'");
  }

  @Test
  void unsetVariableNamesTheVariableAndKeyButNotOtherValues() {
    ConfigException e = failure(MINIMAL.replace("${SCIM_TOKEN}", "${NO_SUCH_TOKEN}"));
    assertThat(e.key()).isEqualTo("target.token");
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.getMessage()).contains("environment variable NO_SUCH_TOKEN is not set");
  }

  @Test
  void missingSecretFileIsNamed() {
    ConfigException e = failure(MINIMAL.replace("${SCIM_TOKEN}", "${file:missing/token}"));
    assertThat(e.key()).isEqualTo("target.token");
    assertThat(e.getMessage())
        .contains(dir.resolve("missing/token").toString())
        .contains("does not exist");
  }

  @Test
  void missingConfigurationFileIsNamed() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> loader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("not found");
  }

  @Test
  void emptyFileIsRefused() {
    assertThat(failure("").problem()).isEqualTo("the file is empty");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "deprovision:\\n  users: remove\\n|deprovision.users|8|expected one of: delete | disable | keep",
        "deprovision:\\n  groups: disable\\n|deprovision.groups|8|expected one of: delete | keep",
        "schedule:\\n  fullEvery: 6 hours\\n|schedule.fullEvery|8|is not a duration",
        "schedule:\\n  fullEvery: 0h\\n|schedule.fullEvery|8|is not a duration",
        "schedule:\\n  cron: every minute\\n|schedule.cron|8|is not a Quartz cron expression",
        "deprovision:\\n  maxDeletes: many\\n|deprovision.maxDeletes|8|is not a whole number",
        "deprovision:\\n  maxDeletes: 1.5\\n|deprovision.maxDeletes|8|whole number",
        "deprovision:\\n  maxDeletePercent: 150\\n|deprovision.maxDeletePercent|8|between 0 and 100",
        "webhook:\\n  listen: localhost\\n|webhook.listen|8|expected host:port",
        "users:\\n  drop: {a: b}\\n|users.drop[0]|8|expected a text value",
        "users:\\n  map: [a]\\n|users.map|8|expected a section",
        "users:\\n  map:\\n    userName: ''\\n|users.map.userName|9|needs an expression",
        "state:\\n  path: ''\\n|state.path|8|expected a file path",
        "webhook:\\n  secret: short\\n|webhook.secret|8|at least 16 bytes",
      })
  void badValuesNameTheKeyAndLine(String extra, String key, int line, String problem) {
    ConfigException e = failure(MINIMAL + extra.replace("\\n", "\n"));
    assertThat(e.key()).isEqualTo(key);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.problem()).contains(problem);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "profile: azure|target.profile|unknown value 'azure'",
        "url: http://scim.example.com/v2|target.url|must use https",
        "url: ftp://scim.example.com/v2|target.url|must be an https:// URL",
        "timeoutSeconds: -1|target.timeoutSeconds|must be a positive number",
        "rateLimit: {readsPerSecond: 0}|target.rateLimit.readsPerSecond|positive",
        "token: ''|target.token|is empty",
        "trustStorePassword: ${SCIM_TOKEN}|target.trustStorePassword|is set but trustStore is not",
      })
  void badTargetValuesAreNamed(String line, String key, String problem) {
    String name = line.substring(0, line.indexOf(':'));
    StringBuilder target = new StringBuilder("target:\n");
    for (String defaults :
        new String[] {"url: https://scim.example.com/scim/v2", "token: ${SCIM_TOKEN}"}) {
      if (!defaults.startsWith(name + ":")) {
        target.append("  ").append(defaults).append('\n');
      }
    }
    target.append("  ").append(line).append('\n');
    ConfigException e = failure("source:\n  type: ldif\n  path: directory.ldif\n" + target);
    assertThat(e.key()).isEqualTo(key);
    assertThat(e.problem()).contains(problem);
  }

  @Test
  void trustStorePasswordsReachTheClientAndTheLdapSourceWithoutBeingPrinted() throws IOException {
    ScimSyncConfig config =
        load(
            MINIMAL.replace(
                    "  type: ldif\n  path: directory.ldif\n",
                    """
                      type: ldap
                      ldap:
                        url: ldaps://ldap.example.com
                        userBase: ou=people,dc=example,dc=com
                        trustStore: ldap-ca.p12
                        trustStorePassword: ${LDAP_PASSWORD}
                    """)
                + "  trustStore: ca.p12\n  trustStorePassword: ${SCIM_TOKEN}\n");

    assertThat(config.target().trustStorePassword().reveal()).isEqualTo("tok-s3cr3t");
    ScimClientConfig client = Ports.client(config.target());
    assertThat(client.trustStore()).isEqualTo(dir.resolve("ca.p12"));
    assertThat(client.trustStorePassword().reveal()).isEqualTo("tok-s3cr3t");
    LdapSourceConfig ldap = config.source().ldap();
    assertThat(ldap.trustStore()).isEqualTo(dir.resolve("ldap-ca.p12"));
    assertThat(ldap.trustStorePassword().reveal()).isEqualTo("ldap-s3cr3t");
    assertThat(config.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void plainHttpIsAcceptedForLoopbackOnly() throws IOException {
    ScimSyncConfig config =
        load(MINIMAL.replace("https://scim.example.com", "http://127.0.0.1:8080"));
    assertThat(config.target().url().getPort()).isEqualTo(8080);
  }

  @Test
  void missingRequiredSectionsAndSourceMismatchesAreNamed() {
    assertThat(failure("source:\n  type: ldif\n  path: d.ldif\n").key()).isEqualTo("target");
    ConfigException noPath = failure(MINIMAL.replace("  path: directory.ldif\n", ""));
    assertThat(noPath.key()).isEqualTo("source.path");
    assertThat(noPath.problem()).contains("required for source type ldif");
    ConfigException stray =
        failure(
            MINIMAL.replace(
                "  path: directory.ldif\n", "  path: d.ldif\n  csv:\n    users: u.csv\n"));
    assertThat(stray.key()).isEqualTo("source.csv");
    assertThat(stray.line()).isEqualTo(4);
    ConfigException ldap =
        failure(
            MINIMAL.replace(
                "  type: ldif\n  path: directory.ldif\n",
                "  type: ldap\n  ldap:\n    url: ldap://dc1:389\n    bindDn: cn=x\n    userBase: dc=x\n"));
    assertThat(ldap.key()).isEqualTo("source.ldap.bindPassword");
  }

  @Test
  void secretsNeverAppearInTypeErrors() {
    ConfigException e = failure(MINIMAL.replace("${SCIM_TOKEN}", "[tok-s3cr3t]"));
    assertThat(e.key()).isEqualTo("target.token");
    assertThat(e.getMessage()).doesNotContain("s3cr3t");
  }
}
