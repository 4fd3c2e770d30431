package org.scimsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
import org.scimsync.mapping.MappingRules;
import org.scimsync.mapping.RuleSpec;
import org.scimsync.mapping.SanitizerProfile;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.changes.TrackedLdapSource;
import org.scimsync.state.sqlite.SqliteStateStore;

/**
 * A real directory synced into the emulator (AWS profile) with the product's own parts: the LDAP
 * source (keeping track of the directory's changes, as the product's does), the mapping rules, the
 * SCIM client and the SQLite state store.
 */
final class RealDirectorySync implements AutoCloseable {

  private static final String TOKEN = "real-directory-token";

  private final ScimEmulator emulator;
  private final ScimClient client;
  private final SqliteStateStore store;
  private final LdapSourceConfig source;
  private final MappingRules rules;

  /**
   * @param userMap the users' mapping rules ({@code userName}, {@code displayName}, …)
   */
  RealDirectorySync(Path dir, LdapSourceConfig source, Map<String, String> userMap) {
    this.source = source;
    this.rules =
        MappingRules.compile(
            new RuleSpec(null, userMap, List.of()),
            new RuleSpec(null, Map.of("displayName", "group.cn"), List.of()),
            SanitizerProfile.AWS_IDENTITY_CENTER);
    emulator = ScimEmulator.builder().port(0).token(TOKEN).build().start();
    client =
        ScimClient.create(
            ScimClientConfig.builder(
                    emulator.baseUri(), Secret.of(TOKEN), TargetProfile.AWS_IDENTITY_CENTER)
                .rateLimits(new RateLimits(0, 0))
                .build());
    store = SqliteStateStore.open(dir.resolve("state.db"));
  }

  ScimEmulator emulator() {
    return emulator;
  }

  /** One run, which must succeed. */
  RunReport run(boolean full) {
    SyncEngine engine =
        new SyncEngine(
            new TrackedLdapSource(source),
            new RulesResourceMapper(rules),
            new ScimClientTarget(client),
            store,
            SyncPolicy.defaults(),
            Clock.systemUTC());
    RunReport report = engine.run(SyncOptions.of("it").withFull(full).withAllowDeletes(true));
    assertThat(report.status()).as(report.toText()).isEqualTo(RunStatus.SUCCEEDED);
    return report;
  }

  /** A full run that plans nothing and writes nothing. */
  void assertSettled() {
    emulator.resetStats();
    RunReport again = run(true);
    assertThat(again.plan().changes()).as(again.plan().toText()).isEmpty();
    assertThat(emulator.stats().writes()).isZero();
  }

  static EmulatorState.User user(EmulatorState state, String userName) {
    return state.users().stream()
        .filter(u -> u.userName().equalsIgnoreCase(userName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no user " + userName + " in the target"));
  }

  @Override
  public void close() {
    store.close();
    client.close();
    emulator.close();
  }
}
