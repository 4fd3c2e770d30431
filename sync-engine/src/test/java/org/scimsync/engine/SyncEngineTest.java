package org.scimsync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.apply.ChangeResult;
import org.scimsync.engine.apply.ProgressListener;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.target.InMemoryScimTarget;
import org.scimsync.engine.target.TargetException;

class SyncEngineTest {

  private final EngineFixture f = new EngineFixture();

  @Test
  void firstRunCreatesEverythingAndTheNextRunsWriteNothing() {
    f.users(150);
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      all.add("k" + i);
    }
    f.source.group("g1", "aws-all", all).group("g2", "aws-admins", List.of("k1", "k2"));

    RunReport first = f.full();

    assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.target.userCount()).isEqualTo(150);
    String allId = f.target.groupIdByName("aws-all").orElseThrow();
    assertThat(f.target.membersOf(allId)).hasSize(150);
    assertThat(f.target.requests()).contains("PATCH /Groups/" + allId + " members+50");
    assertThat(f.store.load().memberships().get("g1")).hasSize(150);

    f.target.clearRequests();
    RunReport second = f.full();
    assertThat(second.plan().changes()).isEmpty();
    assertThat(f.target.writeCount()).isZero();

    f.target.clearRequests();
    RunReport incremental = f.run(SyncOptions.of("schedule"));
    assertThat(incremental.plan().full()).isFalse();
    assertThat(incremental.plan().changes()).isEmpty();
    assertThat(f.target.requests()).isEmpty();
  }

  @Test
  void adoptsAPreExistingUserAndLeavesUnmanagedObjectsAlone() {
    String aliceId = f.target.seedUser("u0@example.org", null);
    String towerId = f.target.seedUser("controltower@example.org", null);
    String towerGroupId = f.target.seedGroup("AWSControlTowerAdmins", null);
    var towerBefore = f.target.user(towerId);
    f.users(2);

    RunReport report = f.full();

    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(report.plan().changes())
        .filteredOn(c -> c instanceof Change.AdoptUser)
        .singleElement()
        .satisfies(c -> assertThat(((Change.AdoptUser) c).targetId()).isEqualTo(aliceId));
    assertThat(f.target.user(aliceId).get("externalId").asText()).isEqualTo("k0");
    assertThat(f.target.userCount()).isEqualTo(3);
    assertThat(f.target.user(towerId)).isEqualTo(towerBefore);
    assertThat(f.target.group(towerGroupId)).isNotNull();
    assertThat(report.plan().unmanaged())
        .extracting(u -> u.label())
        .containsExactlyInAnyOrder("controltower@example.org", "AWSControlTowerAdmins");
    assertThat(f.target.requests()).noneMatch(r -> r.contains(towerId) || r.contains(towerGroupId));
  }

  @Test
  void adoptsInsteadOfFailingWhenACreateAnswersConflict() {
    f.users(3);
    f.source.group("g1", "aws-admins", List.of("k0"));
    f.target.loseCreateResponses(2);

    RunReport report = f.full();

    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(report.results())
        .filteredOn(r -> r.detail() != null && r.detail().contains("adopted"))
        .hasSize(2);
    assertThat(f.target.userCount()).isEqualTo(3);
    assertThat(f.store.load().users()).hasSize(3);
    assertThat(f.full().plan().changes()).isEmpty();
  }

  @Test
  void aUserDeletedInTheTargetIsCreatedAgainWithItsGroups() {
    f.users(2).source.group("g1", "aws-admins", List.of("k0", "k1"));
    f.full();
    String groupId = f.target.groupIdByName("aws-admins").orElseThrow();
    // An administrator deletes the user in the console: the target drops its memberships.
    f.target.deleteUser(f.target.userIdByName("u0@example.org").orElseThrow());

    RunReport report = f.full();

    assertThat(report.plan().changes())
        .extracting(c -> c.getClass().getSimpleName() + " " + c.sourceKey())
        .containsExactly("CreateUser k0", "UpdateMembers g1");
    String again = f.target.userIdByName("u0@example.org").orElseThrow();
    assertThat(f.target.membersOf(groupId)).contains(again);
    assertThat(f.full().plan().changes()).isEmpty();
  }

  @Test
  void aRunThatVerifiesMembershipsKeepsWhatTheTargetAnsweredAsTheRecord() {
    f.users(2).source.group("g1", "aws-admins", List.of("k0", "k1"));
    f.full();
    String groupId = f.target.groupIdByName("aws-admins").orElseThrow();
    // Removed in the console, and then in the directory too: nothing is left to do.
    f.target.removeMembers(groupId, List.of(f.target.userIdByName("u0@example.org").orElseThrow()));
    f.source.group("g1", "aws-admins", List.of("k1"));

    RunReport verified = f.run(SyncOptions.of("test").withFull(true).withVerifyMembers(true));

    assertThat(verified.plan().changes()).isEmpty();
    assertThat(f.store.load().memberships().get("g1")).containsExactly("k1");
    assertThat(f.run(SyncOptions.of("test")).plan().changes()).isEmpty();
  }

  @Test
  void aRunLeftOpenByAProcessThatStoppedIsClosedAsAbandonedByTheNextRun() {
    f.users(1);
    long killed =
        f.store.beginRun(
            new org.scimsync.engine.state.RunStart("schedule", false, false, f.clock.instant()));

    RunReport next = f.run(SyncOptions.of("test"));

    org.scimsync.engine.state.RunRecord abandoned = f.store.run(killed).orElseThrow();
    assertThat(abandoned.summary()).isNotNull();
    assertThat(abandoned.summary().status()).isEqualTo(RunStatus.FAILED);
    assertThat(abandoned.summary().message()).startsWith("abandoned");
    assertThat(f.store.run(next.runId()).orElseThrow().summary().status())
        .isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void aRunKeepsItsWarningsWithheldChangesAndPlanInTheHistory() {
    f.users(2)
        .source
        .user(
            "kw",
            java.util.Map.of(
                "mail", "w@example.org", "givenName", "W", "sn", "Warned", "title", "warn"));

    RunReport first = f.full();

    org.scimsync.engine.state.RunDetails details = f.store.runDetails(first.runId()).orElseThrow();
    assertThat(details.warnings()).anyMatch(w -> w.contains("title warn noted"));
    assertThat(details.withheld()).isEmpty();
    assertThat(details.planText()).isEqualTo(first.plan().toText());

    f.source.clear();
    f.users(1);
    f.policy =
        new SyncPolicy(
            SyncPolicy.UserDeprovision.DELETE,
            SyncPolicy.GroupDeprovision.DELETE,
            1,
            100,
            Duration.ofHours(6),
            4);
    RunReport held = f.full();
    assertThat(held.status()).isEqualTo(RunStatus.STOPPED_BY_GUARD);
    assertThat(f.store.runDetails(held.runId()).orElseThrow().withheld()).hasSize(2);
  }

  @Test
  void renamedGroupIsPatchedInPlaceAndKeepsItsId() {
    f.users(2).source.group("g1", "aws-admins", List.of("k0", "k1"));
    f.full();
    String id = f.target.groupIdByName("aws-admins").orElseThrow();

    f.source.group("g1", "aws-platform-admins", List.of("k0", "k1"));
    f.target.clearRequests();
    RunReport report = f.full();

    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.target.groupIdByName("aws-platform-admins")).contains(id);
    assertThat(f.target.membersOf(id)).hasSize(2);
    assertThat(f.target.requests())
        .filteredOn(r -> !r.startsWith("GET"))
        .containsExactly("PATCH /Groups/" + id);
  }

  @Test
  void emptySourceStopsTheRunBeforeAnyChange() {
    f.users(3).source.group("g1", "aws-admins", List.of("k0"));
    f.full();
    f.source.clear();
    f.target.clearRequests();
    RecordingProgress progress = new RecordingProgress(Integer.MAX_VALUE, () -> {});

    RunReport report = f.run(SyncOptions.of("test").withFull(true).withProgress(progress));

    assertThat(progress.planned).hasValue(report.plan().changes().size());
    assertThat(progress.finished).hasValue(report.plan().changes().size());
    assertThat(report.plan().changes()).isNotEmpty();
    assertThat(report.status()).isEqualTo(RunStatus.STOPPED_BY_GUARD);
    assertThat(report.status()).isEqualTo(RunStatus.STOPPED_BY_GUARD);
    assertThat(report.message()).contains("no users");
    assertThat(f.target.writeCount()).isZero();
    assertThat(f.target.userCount()).isEqualTo(3);
    assertThat(f.store.recentRuns(1).get(0).summary().status())
        .isEqualTo(RunStatus.STOPPED_BY_GUARD);
  }

  @Test
  void deletionGuardWithholdsRemovalsButAppliesTheRestUntilDeletesAreAllowed() {
    f.policy =
        new SyncPolicy(
            SyncPolicy.UserDeprovision.DELETE,
            SyncPolicy.GroupDeprovision.DELETE,
            3,
            100,
            Duration.ofHours(6),
            4);
    f.users(10);
    f.full();
    for (int i = 0; i < 5; i++) {
      f.source.removeUser("k" + i);
    }
    f.source.user("new", "new@example.org", "New", "Hire");
    f.target.clearRequests();

    RunReport guarded = f.full();

    assertThat(guarded.status()).isEqualTo(RunStatus.STOPPED_BY_GUARD);
    assertThat(guarded.plan().safety().withheld())
        .hasSize(5)
        .allMatch(w -> w.startsWith("delete user"));
    assertThat(f.target.requests()).noneMatch(r -> r.startsWith("DELETE"));
    assertThat(f.target.userIdByName("new@example.org")).isPresent();
    assertThat(f.target.userCount()).isEqualTo(11);

    RunReport allowed = f.run(SyncOptions.of("cli").withFull(true).withAllowDeletes(true));
    assertThat(allowed.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.target.userCount()).isEqualTo(6);
    assertThat(f.store.load().users()).hasSize(6);
  }

  @Test
  void incrementalRunReadsAndWritesOnlyTheChangedUser() {
    f.users(5);
    f.full();
    f.source.user(
        "k3",
        Map.of(
            "mail", "u3@example.org", "givenName", "Given3", "sn", "Family3", "title", "Engineer"));
    f.target.clearRequests();

    RunReport report = f.run(SyncOptions.of("webhook"));

    assertThat(report.plan().full()).isFalse();
    String id = f.target.userIdByName("u3@example.org").orElseThrow();
    assertThat(f.target.requests()).containsExactly("PATCH /Users/" + id);
    assertThat(f.target.user(id).get("title").asText()).isEqualTo("Engineer");
  }

  @Test
  void fullRunHappensWhenTheLastOneIsOlderThanFullEvery() {
    f.users(2);
    f.full();
    assertThat(f.run(SyncOptions.of("schedule")).plan().full()).isFalse();
    f.clock.advance(Duration.ofHours(7));
    assertThat(f.run(SyncOptions.of("schedule")).plan().full()).isTrue();
  }

  @Test
  void unauthorizedStopsTheRunWithExitFour() {
    f.users(6);
    f.policy =
        new SyncPolicy(
            SyncPolicy.UserDeprovision.DELETE,
            SyncPolicy.GroupDeprovision.DELETE,
            50,
            50,
            Duration.ofHours(6),
            1);
    f.target.failWritesAfter(2, TargetException.Kind.UNAUTHORIZED);

    RunReport report = f.full();

    assertThat(report.status()).isEqualTo(RunStatus.FAILED);
    assertThat(report.status()).isEqualTo(RunStatus.FAILED);
    assertThat(report.applied()).isEqualTo(2);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.skipped()).isEqualTo(3);
    assertThat(f.target.requests()).filteredOn(r -> r.endsWith("(refused)")).hasSize(1);
  }

  @Test
  void failedChangesGiveExitOneAndTheNextRunConverges() {
    f.users(6);
    f.target.failWritesAfter(3, TargetException.Kind.UNAVAILABLE);
    RunReport first = f.full();
    assertThat(first.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(first.failed()).isEqualTo(3);

    f.target.heal();
    RunReport second = f.full();
    assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.target.userCount()).isEqualTo(6);
    assertThat(f.full().plan().changes()).isEmpty();
  }

  @Test
  void aTargetThatStaysUnreachableGivesExitFour() {
    f.users(3);
    f.target.failWritesAfter(0, TargetException.Kind.UNAVAILABLE);

    RunReport report = f.full();

    assertThat(report.status()).isEqualTo(RunStatus.FAILED);
    assertThat(report.status()).isEqualTo(RunStatus.FAILED);
    assertThat(report.failed()).isEqualTo(3);
    assertThat(report.message()).contains("could not be reached");
  }

  @Test
  void dryRunWritesNothingAnywhere() {
    f.users(3).source.group("g1", "aws-a", List.of("k0"));
    RunReport report = f.run(SyncOptions.of("cli").withDryRun(true));

    assertThat(report.dryRun()).isTrue();
    assertThat(report.plan().changes()).hasSize(4);
    assertThat(f.target.writeCount()).isZero();
    assertThat(f.store.recentRuns(10)).isEmpty();
    assertThat(f.store.load().users()).isEmpty();
  }

  @Test
  void verifyMembersRepairsDriftTheTargetCannotList() {
    f.users(3).source.group("g1", "aws-a", List.of("k0", "k1"));
    f.full();
    String groupId = f.target.groupIdByName("aws-a").orElseThrow();
    String k1 = f.target.userIdByName("u1@example.org").orElseThrow();
    f.target.removeMembers(groupId, List.of(k1));

    assertThat(f.full().plan().changes()).isEmpty();
    RunReport verified = f.run(SyncOptions.of("cli").withFull(true).withVerifyMembers(true));

    assertThat(verified.plan().changes()).singleElement().isInstanceOf(Change.UpdateMembers.class);
    assertThat(f.target.membersOf(groupId)).contains(k1);
  }

  @Test
  void sourceFailureIsAnErrorAndIsRecorded() {
    f.source.failing(true);
    assertThatThrownBy(f::full)
        .isInstanceOfSatisfying(
            SyncException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    assertThat(f.store.recentRuns(1).get(0).summary().status()).isEqualTo(RunStatus.FAILED);
    assertThat(f.store.isLocked()).isFalse();
  }

  @Test
  void aSecondRunWhileOneHoldsTheLockIsRefused() {
    try (var lock = f.store.lock()) {
      assertThatThrownBy(f::full)
          .isInstanceOfSatisfying(
              SyncException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.LOCKED));
    }
  }

  @Test
  void savedPlanIsAppliedOnlyWhileNothingChanged() {
    f.users(2);
    SyncEngine engine = f.engine();
    Plan saved = PlanJson.read(PlanJson.write(engine.plan(SyncOptions.of("cli"))));
    assertThat(saved).isEqualTo(engine.plan(SyncOptions.of("cli")));

    RunReport applied = engine.apply(saved, SyncOptions.of("cli"));
    assertThat(applied.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.target.userCount()).isEqualTo(2);

    Plan stale = engine.plan(SyncOptions.of("cli").withFull(true));
    f.source.user("k9", "late@example.org", "Late", "Comer");
    assertThatThrownBy(() -> engine.apply(stale, SyncOptions.of("cli")))
        .isInstanceOfSatisfying(
            SyncException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.SAFETY_STOP);
              assertThat(e.getMessage()).contains("the directory");
            });
  }

  @Test
  void reportRendersAsTextAndJson() {
    f.users(1).source.group("g1", "aws-a", List.of("k0"));
    RunReport report = f.full();
    assertThat(report.toText())
        .contains("+ create user u0@example.org", "+ create group aws-a")
        .doesNotContain("(exit");
    assertThat(report.toText(0)).containsPattern("SUCCEEDED, 2 applied, .* \\(exit 0\\)\n$");
    assertThat(report.toJson(0))
        .contains("\"op\" : \"CREATE_USER\"", "\"status\" : \"SUCCEEDED\",\n  \"exitCode\" : 0");
    assertThat(report.results()).allMatch(r -> r.result() == ChangeOutcome.Result.APPLIED);
  }

  @Test
  void aRunKilledMidwayIsFinishedByTheNextWithoutDuplicates() {
    f.policy =
        new SyncPolicy(
            SyncPolicy.UserDeprovision.DELETE,
            SyncPolicy.GroupDeprovision.DELETE,
            50,
            50,
            Duration.ofHours(6),
            1);
    f.users(6).source.group("g1", "aws-a", List.of("k0", "k1", "k2", "k3", "k4", "k5"));
    f.target.killAfterWrites(4);

    assertThatThrownBy(f::full).hasRootCauseInstanceOf(InMemoryScimTarget.SimulatedKill.class);
    assertThat(f.store.unfinishedChanges())
        .singleElement()
        .satisfies(j -> assertThat(j.entry().change()).isEqualTo("CREATE_USER"));
    assertThat(f.store.isLocked()).isFalse();
    assertThat(f.target.userCount()).isEqualTo(6);

    f.target.heal();
    f.target.clearRequests();
    RunReport next = f.run(SyncOptions.of("schedule"));

    assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(next.warnings()).anyMatch(w -> w.contains("had reached the target"));
    assertThat(next.plan().changes()).map(Change::changeName).containsExactly("CREATE_GROUP");
    assertThat(f.target.requests()).noneMatch(r -> r.equals("POST /Users"));
    assertThat(f.target.userCount()).isEqualTo(6);
    assertThat(f.store.unfinishedChanges()).isEmpty();
    String group = f.target.groupIdByName("aws-a").orElseThrow();
    assertThat(f.target.membersOf(group)).hasSize(6);
    assertThat(f.full().plan().changes()).isEmpty();
  }

  @Test
  void aRunStoppedByShutdownIsRecordedAndTheNextRunAppliesTheRestWithoutDuplicates() {
    f.users(20).source.group("g1", "aws-a", List.of("k0", "k1", "k2"));
    AtomicBoolean stop = new AtomicBoolean();
    RecordingProgress progress = new RecordingProgress(5, () -> stop.set(true));

    RunReport stopped =
        f.run(
            SyncOptions.of("schedule")
                .withFull(true)
                .withStopRequested(stop::get)
                .withProgress(progress));

    assertThat(progress.planned).hasValue(21);
    assertThat(progress.finished).hasValue(21);
    assertThat(stopped.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(stopped.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(stopped.message()).isEqualTo("stopped by shutdown");
    assertThat(stopped.applied()).isBetween(5, 20);
    assertThat(stopped.skipped()).isEqualTo(21 - stopped.applied());
    assertThat(stopped.results())
        .filteredOn(r -> r.result() == ChangeOutcome.Result.SKIPPED)
        .allSatisfy(r -> assertThat(r.detail()).isEqualTo("stopped by shutdown"));
    assertThat(f.store.run(stopped.runId()))
        .hasValueSatisfying(
            run -> {
              assertThat(run.summary().status()).isEqualTo(RunStatus.PARTIAL);
              assertThat(run.summary().message()).isEqualTo("stopped by shutdown");
            });
    assertThat(f.store.unfinishedChanges()).isEmpty();
    int usersAfterStop = f.target.userCount();
    assertThat(usersAfterStop).isLessThan(20);

    f.target.clearRequests();
    RunReport next = f.full();

    assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(next.applied()).isEqualTo(21 - stopped.applied());
    assertThat(f.target.requests().stream().filter(r -> r.equals("POST /Users")))
        .hasSize(20 - usersAfterStop);
    assertThat(f.target.userCount()).isEqualTo(20);
    assertThat(f.target.groupCount()).isEqualTo(1);
    assertThat(f.full().plan().changes()).isEmpty();
  }

  @Test
  void aLeaverIsNamedByUserNameInThePlanOnFullAndIncrementalRuns() {
    f.users(3);
    f.full();
    f.source.removeUser("k1");

    Plan full = f.engine().plan(SyncOptions.of("cli").withFull(true));
    assertThat(full.toText())
        .contains("- delete user u1@example.org")
        .doesNotContain("delete user k1");

    Plan incremental = f.engine().plan(SyncOptions.of("schedule"));
    assertThat(incremental.full()).isFalse();
    assertThat(incremental.toText())
        .contains("- delete user u1@example.org")
        .doesNotContain("delete user k1");

    f.target.clearRequests();
    RunReport applied = f.run(SyncOptions.of("schedule"));
    assertThat(applied.toText()).contains("- delete user u1@example.org");
    assertThat(f.target.userIdByName("u1@example.org")).isEmpty();
    assertThat(f.target.writeCount()).isEqualTo(1);
  }

  /** Counts what the engine reports, and runs {@code atCount} once that many changes ended. */
  private static final class RecordingProgress implements ProgressListener {
    final AtomicInteger planned = new AtomicInteger(-1);
    final AtomicInteger finished = new AtomicInteger();
    private final int count;
    private final Runnable atCount;

    RecordingProgress(int count, Runnable atCount) {
      this.count = count;
      this.atCount = atCount;
    }

    @Override
    public void onPlanned(int total) {
      planned.set(total);
    }

    @Override
    public void onChangeFinished(ChangeResult result) {
      if (finished.incrementAndGet() >= count) {
        atCount.run();
      }
    }
  }
}
