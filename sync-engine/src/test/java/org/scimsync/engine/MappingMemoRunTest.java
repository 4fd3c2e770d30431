package org.scimsync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.testing.CountingMapper;

/**
 * Runs with the mapping memo: a run maps only the users whose entry changed since the last run, and
 * plans exactly what it would have planned had it mapped every user.
 */
class MappingMemoRunTest {

  private final EngineFixture f = new EngineFixture();
  private final CountingMapper mapper = new CountingMapper("rules-1");

  MappingMemoRunTest() {
    f.mapper = mapper;
    f.users(20);
  }

  @Test
  void aRunAfterAnotherMapsOnlyTheUsersWhoseEntryChanged() {
    f.full();
    assertThat(f.store.memo()).hasSize(20);
    int afterFirst = mapper.mappedUsers();

    RunReport unchanged = f.run(SyncOptions.of("schedule"));
    assertThat(unchanged.plan().changes()).isEmpty();
    assertThat(mapper.mappedUsers()).isEqualTo(afterFirst);

    f.source.user("k3", "u3@example.org", "Renamed", "Family3");
    RunReport changed = f.run(SyncOptions.of("schedule"));

    assertThat(changed.plan().changes()).hasSize(1);
    assertThat(mapper.mappedUsers()).isEqualTo(afterFirst + 1);
    String id = f.target.userIdByName("u3@example.org").orElseThrow();
    assertThat(f.target.user(id).at("/name/givenName").asText()).isEqualTo("Renamed");
  }

  @Test
  void aFullRunStillComparesEveryRememberedUserWithTheTargetAndRepairsDrift() {
    f.full();
    f.run(SyncOptions.of("schedule"));
    String id = f.editDisplayNameInTheTarget("u5@example.org");
    int before = mapper.mappedUsers();

    RunReport full = f.full();

    assertThat(full.plan().changes()).hasSize(1);
    assertThat(f.target.user(id).get("displayName").asText()).isEqualTo("Given5 Family5");
    assertThat(mapper.mappedUsers())
        .as("resources mapped for the comparison")
        .isEqualTo(before + 20);
  }

  @Test
  void rulesWithAnotherFingerprintMapEveryUserAgain() {
    f.full();
    int before = mapper.mappedUsers();
    mapper.fingerprint("rules-2");

    RunReport report = f.run(SyncOptions.of("schedule"));

    assertThat(report.plan().changes()).isEmpty();
    assertThat(mapper.mappedUsers()).isEqualTo(before + 20);
    assertThat(f.store.mappingMemo("rules-2").users()).hasSize(20);
    assertThat(f.store.mappingMemo("rules-1").users()).isEmpty();
  }

  @Test
  void aDryRunRecordsNoMemo() {
    f.run(SyncOptions.of("preview").withDryRun(true));

    assertThat(f.store.memo()).isEmpty();
  }

  @Test
  void aMemoThatCannotBeRecordedDoesNotStopTheRun() {
    f.store.failMemoWrites();

    RunReport report = f.full();

    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.target.userCount()).isEqualTo(20);
    assertThat(f.store.memo()).isEmpty();
  }

  @Test
  void aNewUserWithTheUserNameOfARememberedOneIsHeld() {
    f.full();
    f.source.user("k99", Map.of("mail", "U4@example.org", "givenName", "Copy", "sn", "Cat"));

    RunReport report = f.run(SyncOptions.of("schedule"));

    assertThat(report.plan().changes()).isEmpty();
    assertThat(report.plan().warnings())
        .contains("user k99 skipped: userName U4@example.org is also the userName of user k4");
  }
}
