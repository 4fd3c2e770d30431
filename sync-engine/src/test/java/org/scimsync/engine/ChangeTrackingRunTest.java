package org.scimsync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.target.TargetException;
import org.scimsync.engine.testing.TrackedSource;

/**
 * Incremental runs against a directory that keeps track of its changes read only what changed since
 * the checkpoint the last complete run left, and map and plan only that.
 */
class ChangeTrackingRunTest {

  private final EngineFixture f = new EngineFixture();
  private final TrackedSource tracked = new TrackedSource(f.source);

  private RunReport run(SyncOptions options) {
    f.clock.advance(Duration.ofMinutes(1));
    return new SyncEngine(tracked, f.mapper, f.target, f.store, f.policy, f.clock).run(options);
  }

  private RunReport incremental() {
    return run(SyncOptions.of("test"));
  }

  @BeforeEach
  void firstSync() {
    f.users(20);
    f.source.group("g1", "aws-admins", List.of("k0", "k1", "k2"));
    assertThat(run(SyncOptions.of("test").withFull(true)).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(tracked.fullReads()).isEqualTo(1);
    f.target.clearRequests();
  }

  private static List<String> changes(RunReport report) {
    return report.plan().changes().stream()
        .map(c -> c.getClass().getSimpleName() + " " + c.sourceKey())
        .toList();
  }

  @Test
  void aChangedUserIsTheOnlyEntryReadMappedAndPatched() {
    long before = tracked.entriesRead();
    f.source.user("k5", "u5@example.org", "Renamed", "Family5");

    RunReport report = incremental();

    assertThat(changes(report)).containsExactly("UpdateUser k5");
    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(tracked.fullReads()).isEqualTo(1);
    assertThat(tracked.changeReads()).isEqualTo(1);
    assertThat(tracked.entriesRead() - before).isEqualTo(1);
    String id = f.target.userIdByName("u5@example.org").orElseThrow();
    assertThat(f.target.user(id).path("displayName").asText()).isEqualTo("Renamed Family5");
  }

  @Test
  void nothingChangedReadsNothingAndPlansNothing() {
    long writes = f.target.writeCount();
    int loads = f.store.loads();

    RunReport report = incremental();

    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(report.plan().changes()).isEmpty();
    assertThat(tracked.fullReads()).isEqualTo(1);
    assertThat(tracked.changeReads()).isEqualTo(1);
    assertThat(f.target.writeCount()).isEqualTo(writes);
    assertThat(f.store.loads()).as("the state is not loaded").isEqualTo(loads);
    assertThat(f.target.requests()).isEmpty();
  }

  @Test
  void aUserGoneFromTheDirectoryIsDeprovisionedAndTheOthersLeftAlone() {
    f.source.removeUser("k7");

    RunReport report = incremental();

    assertThat(changes(report)).containsExactly("DeleteUser k7");
    assertThat(f.target.userIdByName("u7@example.org")).isEmpty();
    assertThat(f.target.userCount()).isEqualTo(19);
    assertThat(tracked.fullReads()).isEqualTo(1);
  }

  @Test
  void aGroupsNewMembersAreReadAgainAndAdded() {
    f.source.group("g1", "aws-admins", List.of("k0", "k1", "k2", "k9"));

    RunReport report = incremental();

    assertThat(changes(report)).containsExactly("UpdateMembers g1");
    Change.UpdateMembers update = (Change.UpdateMembers) report.plan().changes().get(0);
    assertThat(update.addKeys()).containsExactly("k9");
    assertThat(update.removeKeys()).isEmpty();
    String group = f.target.groupIdByName("aws-admins").orElseThrow();
    assertThat(f.target.membersOf(group))
        .contains(f.target.userIdByName("u9@example.org").orElseThrow());
    assertThat(tracked.fullReads()).isEqualTo(1);
  }

  @Test
  void anExpiredCheckpointCostsOneFullReadAndNothingIsMissed() {
    f.source.user("k3", "u3@example.org", "Changed", "Family3");
    tracked.expireCheckpoints();

    RunReport report = incremental();

    assertThat(changes(report)).containsExactly("UpdateUser k3");
    assertThat(tracked.fullReads()).isEqualTo(2);
    f.source.user("k4", "u4@example.org", "Changed", "Family4");
    assertThat(changes(incremental())).containsExactly("UpdateUser k4");
    assertThat(tracked.fullReads()).isEqualTo(2);
  }

  @Test
  void aRunThatFailsKeepsTheOldCheckpointSoTheNextRunGetsTheSameChangesAgain() {
    f.source.user("k6", "u6@example.org", "Changed", "Family6");
    f.target.failWritesAfter(0, TargetException.Kind.UNAVAILABLE);

    RunReport failed = incremental();

    assertThat(failed.status()).isNotEqualTo(RunStatus.SUCCEEDED);
    f.target.heal();
    RunReport again = incremental();
    assertThat(changes(again)).containsExactly("UpdateUser k6");
    assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(tracked.fullReads()).isEqualTo(1);
  }

  @Test
  void otherRulesReadEverythingOnce() {
    f.mapper = new CachesPropertiesTest.SwitchableMapper(true);

    RunReport report = incremental();

    assertThat(report.plan().changes()).hasSize(20);
    assertThat(tracked.fullReads()).isEqualTo(2);
    assertThat(incremental().plan().changes()).isEmpty();
    assertThat(tracked.fullReads()).isEqualTo(2);
  }
}
