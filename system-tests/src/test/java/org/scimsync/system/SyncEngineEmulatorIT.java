package org.scimsync.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.client.RateLimits;
import org.scimsync.client.RetrySettings;
import org.scimsync.client.ScimClient;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetProfile;
import org.scimsync.common.Secret;
import org.scimsync.emulator.EmulatorProfile;
import org.scimsync.emulator.EmulatorState;
import org.scimsync.emulator.FaultSettings;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.scim.ScimClientTarget;
import org.scimsync.engine.testing.InterruptingTarget;
import org.scimsync.engine.testing.ListDirectorySource;
import org.scimsync.engine.testing.SimpleMapper;
import org.scimsync.state.sqlite.SqliteStateStore;

/**
 * The engine end to end: SQLite state store, SCIM client and the emulator in AWS profile with
 * random 500s (some after the change was applied) and throttling.
 */
class SyncEngineEmulatorIT {

  private static final String TOKEN = "it-token-not-a-secret";
  private static final int USERS = 60;
  private static final int GROUPS = 12;

  private static final FaultSettings FAULTS =
      FaultSettings.none()
          .withError500BeforeRatio(0.05)
          .withError500AfterRatio(0.03)
          .withWritesPerSecond(60)
          .withReadsPerSecond(80)
          .withRetryAfterHeader(true)
          .withSeed(42);

  @TempDir Path dir;

  private ScimEmulator emulator;
  private ScimClient client;
  private SqliteStateStore store;
  private final ListDirectorySource source = new ListDirectorySource();
  private SyncPolicy policy =
      new SyncPolicy(
          SyncPolicy.UserDeprovision.DELETE,
          SyncPolicy.GroupDeprovision.DELETE,
          5,
          20,
          Duration.ofHours(6),
          4);

  @BeforeEach
  void start() {
    emulator =
        ScimEmulator.builder()
            .profile(EmulatorProfile.AWS_IDENTITY_CENTER)
            .port(0)
            .token(TOKEN)
            .faults(FAULTS)
            .build()
            .start();
    client =
        ScimClient.create(
            ScimClientConfig.builder(
                    emulator.baseUri(), Secret.of(TOKEN), TargetProfile.AWS_IDENTITY_CENTER)
                .rateLimits(new RateLimits(0, 0))
                .retry(
                    new RetrySettings(
                        10, Duration.ofMillis(20), Duration.ofMillis(300), Duration.ofSeconds(20)))
                .build());
    store = SqliteStateStore.open(dir.resolve("state.db"));
    for (int i = 0; i < USERS; i++) {
      source.user("k" + i, "user" + i + "@example.org", "Given" + i, "Family" + i);
    }
    for (int g = 0; g < GROUPS; g++) {
      int group = g;
      source.group("gk" + g, "aws-team-" + g, members(i -> i % GROUPS == group || i < group));
    }
  }

  @AfterEach
  void stop() {
    store.close();
    client.close();
    emulator.close();
  }

  private SyncEngine engine(ScimTarget target) {
    return new SyncEngine(source, new SimpleMapper(), target, store, policy, Clock.systemUTC());
  }

  private SyncEngine engine() {
    return engine(new ScimClientTarget(client));
  }

  private RunReport converge() {
    RunReport first = engine().run(SyncOptions.of("it").withFull(true));
    if (first.status() == RunStatus.SUCCEEDED) {
      return first;
    }
    assertThat(first.status()).as(first.toText()).isEqualTo(RunStatus.PARTIAL);
    RunReport second = engine().run(SyncOptions.of("it").withFull(true));
    assertThat(second.status()).as(second.toText()).isEqualTo(RunStatus.SUCCEEDED);
    return second;
  }

  @Test
  void convergesUnderFaultsThenWritesNothingAdoptsAndLeavesUnmanagedObjects() {
    String preExisting = emulator.seedUser("USER5@example.org", null);
    String unmanagedUser = emulator.seedUser("controltower@example.org", null);
    String unmanagedGroup = emulator.seedGroup("AWSControlTowerAdmins", null, List.of());

    converge();

    emulator.faults(FaultSettings.none());
    emulator.resetStats();
    RunReport again = engine().run(SyncOptions.of("it").withFull(true));
    assertThat(again.plan().changes()).isEmpty();
    assertThat(emulator.stats().writes()).isZero();

    EmulatorState state = emulator.snapshot();
    assertThat(state.users()).hasSize(USERS + 1);
    assertThat(state.user(preExisting).orElseThrow().externalId()).isEqualTo("k5");
    assertThat(state.user(unmanagedUser).orElseThrow().externalId()).isNull();
    assertThat(state.group(unmanagedGroup)).isPresent();
    assertThat(again.plan().unmanaged())
        .extracting(u -> u.label())
        .containsExactlyInAnyOrder("controltower@example.org", "AWSControlTowerAdmins");
    assertGroupsMatchTheDirectory(state);

    emulator.resetStats();
    RunReport incremental = engine().run(SyncOptions.of("it"));
    assertThat(incremental.plan().full()).isFalse();
    assertThat(emulator.stats().total()).isZero();
  }

  @Test
  void renamedGroupKeepsItsIdAndMembers() {
    converge();
    String id = emulator.snapshot().groupByDisplayName("aws-team-3").orElseThrow().id();
    source.group("gk3", "aws-team-three", members(i -> i % GROUPS == 3 || i < 3));
    emulator.faults(FaultSettings.none());
    emulator.resetStats();

    RunReport report = engine().run(SyncOptions.of("it").withFull(true));

    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    EmulatorState state = emulator.snapshot();
    assertThat(state.groupByDisplayName("aws-team-three").orElseThrow().id()).isEqualTo(id);
    assertThat(emulator.stats().requests("DeleteGroup")).isZero();
    assertThat(emulator.stats().requests("CreateGroup")).isZero();
    assertGroupsMatchTheDirectory(state);
  }

  @Test
  void aMovedMembershipCostsOnePatchRequest() {
    converge();
    source.group("gk5", "aws-team-5", members(i -> (i % GROUPS == 5 || i < 5 || i == 6) && i != 5));
    emulator.faults(FaultSettings.none());
    emulator.resetStats();

    RunReport report = engine().run(SyncOptions.of("it").withFull(true));

    assertThat(report.status()).as(report.toText()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(emulator.stats().requests("PatchGroup")).isEqualTo(1);
    assertThat(emulator.stats().writes()).isEqualTo(1);
    assertGroupsMatchTheDirectory(emulator.snapshot());
  }

  @Test
  void guardsHoldAndAllowDeletesLiftsTheDeletionGuard() {
    converge();
    emulator.faults(FaultSettings.none());
    for (int i = 0; i < 8; i++) {
      source.removeUser("k" + i);
    }
    emulator.resetStats();
    RunReport guarded = engine().run(SyncOptions.of("it").withFull(true));
    assertThat(guarded.status()).isEqualTo(RunStatus.STOPPED_BY_GUARD);
    assertThat(emulator.stats().requests("DeleteUser")).isZero();
    assertThat(emulator.snapshot().users()).hasSize(USERS);

    RunReport allowed = engine().run(SyncOptions.of("it").withFull(true).withAllowDeletes(true));
    assertThat(allowed.status()).as(allowed.toText()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(emulator.snapshot().users()).hasSize(USERS - 8);
    assertGroupsMatchTheDirectory(emulator.snapshot());

    source.clear();
    emulator.resetStats();
    RunReport empty = engine().run(SyncOptions.of("it").withFull(true).withAllowDeletes(true));
    assertThat(empty.status()).isEqualTo(RunStatus.STOPPED_BY_GUARD);
    assertThat(empty.message()).contains("no users");
    assertThat(emulator.stats().writes()).isZero();
  }

  @Test
  void aRunKilledMidwayIsFinishedByTheNextWithoutDuplicates() {
    emulator.faults(FaultSettings.none());
    InterruptingTarget dying = new InterruptingTarget(new ScimClientTarget(client), 25);
    assertThatThrownBy(() -> engine(dying).run(SyncOptions.of("it").withFull(true)))
        .hasRootCauseInstanceOf(InterruptingTarget.Killed.class);
    assertThat(store.unfinishedChanges()).isNotEmpty();
    RunReport next = engine().run(SyncOptions.of("it"));

    assertThat(next.status()).as(next.toText()).isEqualTo(RunStatus.SUCCEEDED);
    EmulatorState state = emulator.snapshot();
    assertThat(state.users()).hasSize(USERS);
    assertThat(state.groups()).hasSize(GROUPS);
    assertThat(store.unfinishedChanges()).isEmpty();
    assertGroupsMatchTheDirectory(state);
    emulator.resetStats();
    assertThat(engine().run(SyncOptions.of("it").withFull(true)).plan().changes()).isEmpty();
    assertThat(emulator.stats().writes()).isZero();
  }

  private void assertGroupsMatchTheDirectory(EmulatorState state) {
    Map<String, String> userNameById =
        state.users().stream()
            .collect(Collectors.toMap(EmulatorState.User::id, EmulatorState.User::userName));
    for (var group : source.read().groups()) {
      String name = group.name();
      Set<String> expected =
          group.memberKeys().stream()
              .map(k -> "user" + k.substring(1) + "@example.org")
              .collect(Collectors.toSet());
      Set<String> actual =
          state.groupByDisplayName(name).orElseThrow().memberIds().stream()
              .map(id -> userNameById.get(id).toLowerCase(java.util.Locale.ROOT))
              .collect(Collectors.toSet());
      assertThat(actual).as("members of " + name).isEqualTo(expected);
    }
  }

  private static List<String> members(IntPredicate member) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      if (member.test(i)) {
        keys.add("k" + i);
      }
    }
    return keys;
  }
}
