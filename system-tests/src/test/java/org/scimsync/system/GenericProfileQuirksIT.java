package org.scimsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scimsync.client.ConsistencySettings;
import org.scimsync.client.RateLimits;
import org.scimsync.client.RetrySettings;
import org.scimsync.client.ScimClient;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetProfile;
import org.scimsync.common.Secret;
import org.scimsync.emulator.EmulatorProfile;
import org.scimsync.emulator.EmulatorState;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.emulator.ServerQuirks;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.apply.ChangeResult;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.target.scim.ScimClientTarget;
import org.scimsync.engine.testing.ListDirectorySource;
import org.scimsync.engine.testing.SimpleMapper;
import org.scimsync.state.sqlite.SqliteStateStore;

/**
 * The generic profile against an RFC 7644 emulator with each quirk of a real server switched on:
 * the same lifecycle (users, groups with members, a rename, a leaver, a member removed, a run that
 * writes nothing) converges under every switch, because the profile adapts instead of assuming.
 */
class GenericProfileQuirksIT {

  private static final String TOKEN = "generic-it-token";
  private static final int USERS = 30;

  @TempDir Path dir;

  private ScimEmulator emulator;
  private ScimClient client;
  private SqliteStateStore store;
  private final ListDirectorySource source = new ListDirectorySource();
  private final SyncPolicy policy =
      new SyncPolicy(
          SyncPolicy.UserDeprovision.DELETE,
          SyncPolicy.GroupDeprovision.DELETE,
          10,
          50,
          Duration.ofHours(6),
          4);

  static Stream<Arguments> quirks() {
    return Stream.of(
        Arguments.of("none", ServerQuirks.none()),
        Arguments.of(
            "membersRefusedOnCreate", ServerQuirks.none().withMembersRefusedOnCreate(true)),
        Arguments.of("memberLimitPerRequest", ServerQuirks.none().withMemberLimitPerRequest(7)),
        Arguments.of(
            "membershipsKeptAfterUserDelete",
            ServerQuirks.none().withMembershipsKeptAfterUserDelete(true)),
        Arguments.of("externalIdIgnored", ServerQuirks.none().withExternalIdIgnored(true)),
        Arguments.of("membersOnlyOnRequest", ServerQuirks.none().withMembersOnlyOnRequest(true)),
        Arguments.of(
            "all member quirks at once",
            ServerQuirks.none()
                .withMembersRefusedOnCreate(true)
                .withMemberLimitPerRequest(7)
                .withMembershipsKeptAfterUserDelete(true)
                .withExternalIdIgnored(true)
                .withMembersOnlyOnRequest(true)));
  }

  private void start(ServerQuirks quirks) {
    emulator =
        ScimEmulator.builder()
            .profile(EmulatorProfile.RFC7644)
            .port(0)
            .token(TOKEN)
            .quirks(quirks)
            .build()
            .start();
    client = newClient();
    store = SqliteStateStore.open(dir.resolve("state.db"));
    for (int i = 0; i < USERS; i++) {
      source.user("k" + i, "user" + i + "@example.org", "Given" + i, "Family" + i);
    }
    source.group("g-all", "everyone", members(i -> true));
    source.group("g-even", "even", members(i -> i % 2 == 0));
    source.group("g-small", "small", members(i -> i < 3));
  }

  private ScimClient newClient() {
    return ScimClient.create(
        ScimClientConfig.builder(emulator.baseUri(), Secret.of(TOKEN), TargetProfile.GENERIC)
            .rateLimits(new RateLimits(0, 0))
            // a 404 on a just-created group is an unknown member here, not a slow replica
            .consistency(new ConsistencySettings(Duration.ofMillis(100), Duration.ofSeconds(60)))
            .retry(
                new RetrySettings(
                    3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)))
            .build());
  }

  @AfterEach
  void stop() {
    if (store != null) {
      store.close();
      client.close();
      emulator.close();
    }
  }

  private RunReport run(SyncOptions options) {
    SyncEngine engine =
        new SyncEngine(
            source,
            new SimpleMapper(),
            new ScimClientTarget(client),
            store,
            policy,
            Clock.systemUTC());
    return engine.run(options);
  }

  private RunReport full() {
    return run(SyncOptions.of("it").withFull(true).withAllowDeletes(true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quirks")
  void theLifecycleConvergesUnderEachQuirk(String name, ServerQuirks quirks) {
    start(quirks);

    RunReport first = full();
    assertThat(first.status()).as(first.toText()).isEqualTo(RunStatus.SUCCEEDED);
    assertGroupsMatchTheDirectory(emulator.snapshot());

    String smallId = emulator.snapshot().groupByDisplayName("small").orElseThrow().id();
    source.group("g-small", "small-renamed", members(i -> i < 3));
    source.group("g-even", "even", members(i -> i % 2 == 0 && i != 4));
    source.removeUser("k5");
    source.group("g-new", "newcomers", members(i -> i >= 10));
    // A new client, as the next process would have: what was learned comes from the store.
    client.close();
    client = newClient();
    emulator.resetStats();

    RunReport second = full();
    assertThat(second.status()).as(second.toText()).isEqualTo(RunStatus.SUCCEEDED);
    EmulatorState state = emulator.snapshot();
    assertThat(state.groupByDisplayName("small-renamed").orElseThrow().id()).isEqualTo(smallId);
    assertThat(state.userByUserName("user5@example.org")).isEmpty();
    assertGroupsMatchTheDirectory(state);
    assertThat(state.groups())
        .as("the leaver is a member of no group")
        .allSatisfy(g -> assertThat(g.memberIds()).doesNotContain(idOfLeaver(first)));
    assertThat(emulator.stats().responses(400)).as("nothing learned again").isZero();

    emulator.resetStats();
    RunReport third = full();
    assertThat(third.plan().changes()).as(third.toText()).isEmpty();
    assertThat(emulator.stats().writes()).isZero();

    RunReport verified = run(SyncOptions.of("it").withFull(true).withVerifyMembers(true));
    assertThat(verified.plan().changes()).as(verified.toText()).isEmpty();
  }

  @Test
  void aMemberTheTargetRefusesIsReportedAndTheOthersAreAdded() {
    start(ServerQuirks.none().withMemberLimitPerRequest(7));
    assertThat(full().status()).isEqualTo(RunStatus.SUCCEEDED);
    // user7 disappears behind the engine's back: adding it to a group is refused (unknown member)
    String gone = emulator.snapshot().userByUserName("user7@example.org").orElseThrow().id();
    client.deleteUser(gone);
    source.group("g-odd", "odd", members(i -> i % 2 == 1));

    RunReport report = run(SyncOptions.of("it"));

    assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
    ChangeResult create =
        report.results().stream()
            .filter(r -> r.change() instanceof Change.CreateGroup)
            .findFirst()
            .orElseThrow();
    assertThat(create.result()).isEqualTo(ChangeOutcome.Result.FAILED);
    assertThat(create.detail()).contains("1 member refused").contains("k7").contains("HTTP 404");
    Set<String> odd =
        Set.copyOf(emulator.snapshot().groupByDisplayName("odd").orElseThrow().memberIds());
    assertThat(odd).hasSize(USERS / 2 - 1).doesNotContain(gone);
  }

  private String idOfLeaver(RunReport first) {
    return first.results().stream()
        .filter(r -> r.change() instanceof Change.CreateUser c && c.sourceKey().equals("k5"))
        .map(ChangeResult::targetId)
        .findFirst()
        .orElseThrow();
  }

  private void assertGroupsMatchTheDirectory(EmulatorState state) {
    Map<String, String> userNameById =
        state.users().stream()
            .collect(Collectors.toMap(EmulatorState.User::id, EmulatorState.User::userName));
    for (var group : source.read().groups()) {
      Set<String> expected =
          group.memberKeys().stream()
              .filter(k -> source.read().users().stream().anyMatch(u -> u.key().equals(k)))
              .map(k -> "user" + k.substring(1) + "@example.org")
              .collect(Collectors.toSet());
      Set<String> actual =
          state.groupByDisplayName(group.name()).orElseThrow().memberIds().stream()
              .map(id -> userNameById.getOrDefault(id, "deleted " + id).toLowerCase(Locale.ROOT))
              .collect(Collectors.toSet());
      assertThat(actual).as("members of " + group.name()).isEqualTo(expected);
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
