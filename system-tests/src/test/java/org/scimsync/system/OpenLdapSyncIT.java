package org.scimsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.cli.app.internal.RulesResourceMapper;
import org.scimsync.client.RateLimits;
import org.scimsync.client.ScimClient;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetProfile;
import org.scimsync.common.Secret;
import org.scimsync.emulator.EmulatorState;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.target.scim.ScimClientTarget;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.mapping.MappingRules;
import org.scimsync.mapping.RuleSpec;
import org.scimsync.mapping.SanitizerProfile;
import org.scimsync.sources.ldap.LdapDirectorySource;
import org.scimsync.sources.ldap.LdapFlavor;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.servers.OpenLdapServer;
import org.scimsync.state.sqlite.SqliteStateStore;

/**
 * A whole sync from a real slapd into the emulator (AWS profile): the initial run, a second run
 * with zero writes, then changes made with LDAP operations — an attribute edit, an administrator's
 * lock, a rename (modrdn), a move, a delete, a member leaving a group of 1,551 — converge in the
 * next run, with the renamed and moved users keeping their ids.
 */
class OpenLdapSyncIT {

  private static final String BASE = OpenLdapServer.BASE;
  private static final String CHANGES = "ou=Changes," + BASE;
  private static final String MOVED = "ou=Moved," + BASE;
  private static final String TOKEN = "ldap-sync-token";

  private static OpenLdapServer server;

  @TempDir Path dir;

  private ScimEmulator emulator;
  private ScimClient client;
  private SqliteStateStore store;

  @BeforeAll
  static void startServer() throws Exception {
    server = OpenLdapServer.get();
  }

  @BeforeEach
  void start() {
    emulator = ScimEmulator.builder().port(0).token(TOKEN).build().start();
    client =
        ScimClient.create(
            ScimClientConfig.builder(
                    emulator.baseUri(), Secret.of(TOKEN), TargetProfile.AWS_IDENTITY_CENTER)
                .rateLimits(new RateLimits(0, 0))
                .build());
    store = SqliteStateStore.open(dir.resolve("state.db"));
  }

  @AfterEach
  void stop() {
    store.close();
    client.close();
    emulator.close();
  }

  private SyncEngine engine() {
    LdapSourceConfig ldap =
        new LdapSourceConfig(
            List.of(server.ldapUrl()),
            false,
            OpenLdapServer.BIND_DN,
            Secret.of(OpenLdapServer.BIND_PASSWORD),
            LdapFlavor.OPENLDAP,
            List.of(CHANGES, MOVED, "ou=Bulk,ou=People," + BASE),
            null,
            List.of("ou=ChangeGroups," + BASE),
            null,
            null,
            null,
            null,
            null,
            null,
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            0,
            null,
            null);
    MappingRules rules =
        MappingRules.compile(
            new RuleSpec(
                null,
                Map.of(
                    "userName", "user.mail ?? (user.uid + '@example.com')",
                    "displayName", "user.cn ?? user.uid",
                    "name.givenName", "user.givenName ?? user.uid",
                    "name.familyName", "user.sn ?? user.uid",
                    "active", "user.accountDisabled != 'true'"),
                List.of()),
            new RuleSpec(null, Map.of("displayName", "group.cn"), List.of()),
            SanitizerProfile.AWS_IDENTITY_CENTER);
    return new SyncEngine(
        new LdapDirectorySource(ldap),
        new RulesResourceMapper(rules),
        new ScimClientTarget(client),
        store,
        SyncPolicy.defaults(),
        Clock.systemUTC());
  }

  private RunReport run(boolean full) {
    RunReport report = engine().run(SyncOptions.of("it").withFull(full).withAllowDeletes(true));
    assertThat(report.status()).as(report.toText()).isEqualTo(RunStatus.SUCCEEDED);
    return report;
  }

  @Test
  void aRealDirectorySyncsAndItsChangesConverge() throws LDAPException {
    run(true);
    EmulatorState first = emulator.snapshot();
    assertThat(first.users()).hasSize(1_655);
    String bigId = first.groupByDisplayName("big").orElseThrow().id();
    String renamedId = userId(first, "rename@example.com");
    String movedId = userId(first, "move@example.com");

    emulator.resetStats();
    RunReport again = run(true);
    assertThat(again.plan().changes()).as(again.plan().toText()).isEmpty();
    assertThat(emulator.stats().writes()).isZero();

    try (LDAPConnection admin = server.admin()) {
      admin.modify(
          "uid=c-edit," + CHANGES, new Modification(ModificationType.REPLACE, "sn", "Edited"));
      admin.modify(
          "uid=c-disable," + CHANGES,
          new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", "000001010000Z"));
      admin.modifyDN("uid=c-rename," + CHANGES, "uid=c-renamed", true);
      admin.modifyDN("uid=c-move," + CHANGES, "uid=c-move", true, MOVED);
      admin.delete("uid=c-delete," + CHANGES);
      admin.modify(
          "cn=big,ou=ChangeGroups," + BASE,
          new Modification(
              ModificationType.DELETE, "member", "uid=bulk0000,ou=Bulk,ou=People," + BASE));
      awaitRefint(admin);
    }

    RunReport changed = run(false);
    assertThat(changed.plan().changes()).isNotEmpty();
    EmulatorState after = emulator.snapshot();
    assertThat(after.users()).hasSize(1_654);
    assertThat(user(after, "edit@example.com").json().path("name").path("familyName").asText())
        .isEqualTo("Edited");
    assertThat(user(after, "disable@example.com").active()).isFalse();
    assertThat(after.users()).noneMatch(u -> u.userName().equals("delete@example.com"));
    assertThat(userId(after, "rename@example.com")).as("renamed, same id").isEqualTo(renamedId);
    assertThat(userId(after, "move@example.com")).as("moved, same id").isEqualTo(movedId);
    assertThat(after.group(bigId).orElseThrow().memberIds())
        .hasSize(1_550)
        .doesNotContain(userId(after, "bulk0000@example.com"));

    emulator.resetStats();
    RunReport settled = run(true);
    assertThat(settled.plan().changes()).as(settled.plan().toText()).isEmpty();
    assertThat(emulator.stats().writes()).isZero();
  }

  private static String userId(EmulatorState state, String userName) {
    return user(state, userName).id();
  }

  private static EmulatorState.User user(EmulatorState state, String userName) {
    return state.users().stream()
        .filter(u -> u.userName().equalsIgnoreCase(userName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no user " + userName + " in the target"));
  }

  /** slapd's refint overlay rewrites member DNs after the operations have answered. */
  private static void awaitRefint(LDAPConnection admin) {
    Eventually.await(
        Duration.ofSeconds(10),
        "the refint overlay to update group small",
        () -> {
          try {
            List<String> members =
                Arrays.stream(
                        admin
                            .getEntry("cn=small,ou=ChangeGroups," + BASE, "member")
                            .getAttributeValues("member"))
                    .map(dn -> dn.toLowerCase(Locale.ROOT))
                    .toList();
            return members.size() == 2
                && members.contains(("uid=c-renamed," + CHANGES).toLowerCase(Locale.ROOT));
          } catch (LDAPException e) {
            throw new AssertionError(e);
          }
        });
  }
}
