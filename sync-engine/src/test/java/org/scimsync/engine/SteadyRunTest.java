package org.scimsync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.SteadyState;
import org.scimsync.engine.target.TargetException;
import org.scimsync.engine.testing.CountingMapper;

/**
 * Incremental runs spared because nothing changed since a run that found nothing to do: they read
 * neither the directory nor the target, and every change to the inputs or the state reads again.
 */
class SteadyRunTest {

  private final EngineFixture f = new EngineFixture();
  private final CountingMapper mapper = new CountingMapper("rules-1");

  SteadyRunTest() {
    f.mapper = mapper;
    f.source.versioned();
    f.users(10);
    f.source.group("g1", "engineers", List.of("k1", "k2"));
  }

  /** A full run that creates everything, then an incremental one that finds nothing to do. */
  private RunReport steady() {
    f.full();
    RunReport nothingToDo = f.run(SyncOptions.of("schedule"));
    assertThat(nothingToDo.plan().changes()).isEmpty();
    assertThat(f.store.steadyState()).isPresent();
    f.target.clearRequests();
    return nothingToDo;
  }

  @Test
  void aRunAfterOneThatFoundNothingToDoReadsNothingAndRepeatsItsWarnings() {
    f.source.user("k9", Map.of("mail", "u9@example.org", "title", "warn"));
    RunReport nothingToDo = steady();
    int reads = f.source.reads();

    RunReport spared = f.run(SyncOptions.of("schedule"));

    assertThat(f.source.reads()).isEqualTo(reads);
    assertThat(f.target.requests()).isEmpty();
    assertThat(spared.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(spared.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(spared.plan().full()).isFalse();
    assertThat(spared.plan().changes()).isEmpty();
    assertThat(spared.warnings())
        .isEqualTo(nothingToDo.warnings())
        .anySatisfy(w -> assertThat(w).contains("title warn noted"));
    assertThat(spared.plan().counts()).isEqualTo(nothingToDo.plan().counts());
    assertThat(spared.message()).contains("run " + nothingToDo.runId());
    assertThat(f.store.run(spared.runId()).orElseThrow().summary().status())
        .isEqualTo(RunStatus.SUCCEEDED);
    assertThat(spared.toText()).contains("No changes").contains("found nothing to do");
  }

  @Test
  void anEditedDirectoryIsReadAndApplied() {
    steady();
    f.run(SyncOptions.of("schedule"));
    int reads = f.source.reads();

    f.source.user("k3", "u3@example.org", "Renamed", "Family3");
    RunReport changed = f.run(SyncOptions.of("schedule"));

    assertThat(f.source.reads()).isEqualTo(reads + 1);
    assertThat(changed.plan().changes()).hasSize(1);
    assertThat(f.store.steadyState()).as("a run that changed something").isEmpty();
    RunReport after = f.run(SyncOptions.of("schedule"));
    assertThat(f.source.reads()).as("the next run checks it is steady").isEqualTo(reads + 2);
    assertThat(after.plan().changes()).isEmpty();
    assertThat(f.store.steadyState()).isPresent();
  }

  @Test
  void aFullRunAndADueFullRunReadEverythingAndRepairDrift() {
    steady();
    int reads = f.source.reads();
    String id = f.editDisplayNameInTheTarget("u5@example.org");

    RunReport full = f.full();

    assertThat(f.source.reads()).isEqualTo(reads + 1);
    assertThat(full.plan().changes()).hasSize(1);
    assertThat(f.store.steadyState()).isEmpty();

    f.run(SyncOptions.of("schedule"));
    assertThat(f.store.steadyState()).isPresent();
    f.clock.advance(f.policy.fullEvery());
    RunReport due = f.run(SyncOptions.of("schedule"));
    assertThat(due.plan().full()).isTrue();
    assertThat(f.source.reads()).isEqualTo(reads + 3);
  }

  @Test
  void otherRulesOrAnotherPolicyReadEverything() {
    steady();
    int reads = f.source.reads();

    mapper.fingerprint("rules-2");
    f.run(SyncOptions.of("schedule"));
    assertThat(f.source.reads()).isEqualTo(reads + 1);
    f.run(SyncOptions.of("schedule"));
    assertThat(f.source.reads()).as("steady under the new rules").isEqualTo(reads + 1);

    f.policy =
        new SyncPolicy(
            SyncPolicy.UserDeprovision.KEEP,
            f.policy.groups(),
            f.policy.maxDeletes(),
            f.policy.maxDeletePercent(),
            f.policy.fullEvery(),
            f.policy.parallelism());
    f.run(SyncOptions.of("schedule"));
    assertThat(f.source.reads()).isEqualTo(reads + 2);
  }

  @Test
  void dryRunsRunsForSomeUsersAndVerifyingRunsReadEverythingAndKeepTheSteadyState() {
    steady();
    SteadyState recorded = f.store.steadyState().orElseThrow();
    int reads = f.source.reads();

    f.run(SyncOptions.of("cli").withDryRun(true));
    f.run(SyncOptions.of("webhook").withOnlyUserKeys(Set.of("k1")));
    assertThat(f.source.reads()).isEqualTo(reads + 2);
    assertThat(f.store.steadyState())
        .as("a run for some users forgets it, and does not record it")
        .isEmpty();

    f.run(SyncOptions.of("schedule"));
    assertThat(f.store.steadyState()).isPresent();
    f.run(SyncOptions.of("cli").withVerifyMembers(true));
    assertThat(f.source.reads()).isEqualTo(reads + 4);
    assertThat(f.store.steadyState().orElseThrow().inputs()).isEqualTo(recorded.inputs());
  }

  @Test
  void aSourceWithoutAVersionIsReadEveryTime() {
    EngineFixture unversioned = new EngineFixture().users(3);
    unversioned.full();
    unversioned.run(SyncOptions.of("schedule"));
    int reads = unversioned.source.reads();

    unversioned.run(SyncOptions.of("schedule"));

    assertThat(unversioned.source.reads()).isEqualTo(reads + 1);
    assertThat(unversioned.store.steadyState()).isEmpty();
  }

  @Test
  void aRunWithFailedChangesIsNotSteady() {
    f.target.failWritesAfter(3, TargetException.Kind.BAD_REQUEST);
    RunReport partial = f.full();
    assertThat(partial.failed()).isPositive();
    assertThat(f.store.steadyState()).isEmpty();

    f.target.heal();
    RunReport retry = f.run(SyncOptions.of("schedule"));

    assertThat(retry.applied()).isPositive();
    assertThat(f.store.steadyState()).isEmpty();
  }

  @Test
  void aSourceThatCannotBeReadFailsTheRunAsBefore() {
    steady();
    f.source.failing(true);

    assertThatThrownBy(() -> f.run(SyncOptions.of("schedule")))
        .isInstanceOfSatisfying(
            SyncException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    assertThat(f.store.recentRuns(1).get(0).summary().status()).isEqualTo(RunStatus.FAILED);
    assertThat(f.store.steadyState()).isEmpty();
  }

  @Test
  void aSteadyStateThatCannotBeRecordedOnlyCostsTheNextRunARead() {
    f.store.failSteadyWrites();
    f.full();
    RunReport nothingToDo = f.run(SyncOptions.of("schedule"));
    int reads = f.source.reads();

    RunReport next = f.run(SyncOptions.of("schedule"));

    assertThat(nothingToDo.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.source.reads()).isEqualTo(reads + 1);
  }

  @Test
  void theFullRunThatFoundNothingToDoIsSteadyToo() {
    f.full();
    RunReport full = f.full();
    assertThat(full.plan().changes()).isEmpty();
    int reads = f.source.reads();

    f.clock.advance(Duration.ofMinutes(5));
    RunReport spared = f.run(SyncOptions.of("schedule"));

    assertThat(f.source.reads()).isEqualTo(reads);
    assertThat(spared.message()).contains("run " + full.runId());
  }
}
