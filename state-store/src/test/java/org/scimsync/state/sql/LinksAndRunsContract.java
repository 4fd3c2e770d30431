package org.scimsync.state.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimsync.state.sql.StateStoreFixture.group;
import static org.scimsync.state.sql.StateStoreFixture.user;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.engine.state.StoredState;

/** Links, memberships, the run history and the journal: what every state store must do. */
public interface LinksAndRunsContract extends StateStoreFixture {

  @Test
  default void emptyStoreLoadsEmptyState() {
    assertThat(store().load()).isEqualTo(StoredState.empty());
  }

  @Test
  default void savedLinksLoadBackExactlyByKind() {
    Link alice = new Link(ObjectKind.USER, "uuid-alice", "t-1", "h1", true, T0);
    Link admins = group("cn=admins", "g-1");
    store().saveLink(alice);
    store().saveLink(admins);

    StoredState state = store().load();

    assertThat(state.users()).containsExactly(Map.entry("uuid-alice", alice));
    assertThat(state.groups()).containsExactly(Map.entry("cn=admins", admins));
  }

  @Test
  default void savingALinkAgainReplacesIt() {
    store().saveLink(user("alice", "t-1"));
    Link changed = new Link(ObjectKind.USER, "alice", "t-1", "h2", true, T0.plusSeconds(60));
    store().saveLink(changed);

    assertThat(store().load().users()).containsExactly(Map.entry("alice", changed));
  }

  @Test
  default void aTargetObjectBelongsToOneSourceObject() {
    store().saveLink(user("old-key", "t-1"));
    store().saveLink(user("new-key", "t-1"));
    store().saveLink(group("same-id-other-kind", "t-1"));

    StoredState state = store().load();
    assertThat(state.users()).containsOnlyKeys("new-key");
    assertThat(state.groups()).containsOnlyKeys("same-id-other-kind");
  }

  @Test
  default void deletingALinkForgetsItAndItsMemberships() {
    store().saveLink(user("alice", "t-1"));
    store().saveLink(user("bob", "t-2"));
    store().saveLink(group("admins", "g-1"));
    store().saveLink(group("ops", "g-2"));
    store().addMemberships("admins", List.of("alice", "bob"));
    store().addMemberships("ops", List.of("alice", "bob"));

    store().deleteLink(ObjectKind.USER, "alice");
    store().deleteLink(ObjectKind.GROUP, "ops");
    store().deleteLink(ObjectKind.GROUP, "never-linked");

    StoredState state = store().load();
    assertThat(state.users()).containsOnlyKeys("bob");
    assertThat(state.groups()).containsOnlyKeys("admins");
    assertThat(state.memberships()).isEqualTo(Map.of("admins", Set.of("bob")));
  }

  @Test
  default void membershipsAreAddedOnceAndRemoved() {
    store().addMemberships("admins", List.of("alice", "bob"));
    store().addMemberships("admins", List.of("bob", "carol"));
    store().addMemberships("ops", List.of("alice"));
    store().addMemberships("empty", List.of());
    store().removeMemberships("admins", List.of("alice", "nobody"));
    store().removeMemberships("ops", List.of("alice"));

    assertThat(store().load().memberships()).isEqualTo(Map.of("admins", Set.of("bob", "carol")));
  }

  @Test
  default void keysWithAnyCharactersRoundTrip() {
    List<String> odd =
        List.of(
            "cn=Smith\\, John,ou=People,dc=example,dc=org",
            "quote\"d",
            "tab\tand\nnewline",
            "ünïcødé-名前-😀",
            "[\"looks\",\"like\",\"json\"]",
            "");
    store().addMemberships("cn=Ops, \"Berlin\"", odd);
    store().saveLink(user(odd.get(3), "t-ü"));

    StoredState state = store().load();
    assertThat(state.memberships()).isEqualTo(Map.of("cn=Ops, \"Berlin\"", Set.copyOf(odd)));
    assertThat(state.users()).containsOnlyKeys(odd.get(3));
  }

  @Test
  default void runsAreRecordedAndListedNewestFirst() {
    RunStart first = new RunStart("cli", true, false, T0);
    RunStart second = new RunStart("webhook", false, true, T0.plusSeconds(10));
    RunStart third = new RunStart("schedule", true, false, T0.plusSeconds(20));
    long a = store().beginRun(first);
    long b = store().beginRun(second);
    long c = store().beginRun(third);
    RunSummary summary =
        new RunSummary(RunStatus.PARTIAL, 10, 8, 2, T0.plusSeconds(5), "2 changes failed");
    store().finishRun(a, summary);

    assertThat(store().recentRuns(10))
        .containsExactly(
            new RunRecord(c, third, null),
            new RunRecord(b, second, null),
            new RunRecord(a, first, summary));
    assertThat(store().recentRuns(2)).extracting(RunRecord::id).containsExactly(c, b);
    assertThat(store().recentRuns(0)).isEmpty();
    assertThat(store().run(a)).contains(new RunRecord(a, first, summary));
    assertThat(store().run(c + 100)).isEmpty();
  }

  @Test
  default void finishingAnUnknownRunFails() {
    RunSummary summary = new RunSummary(RunStatus.SUCCEEDED, 0, 0, 0, T0, null);
    assertThatThrownBy(() -> store().finishRun(42, summary))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("run 42")
        .hasMessageContaining(location());
  }

  @Test
  default void lastFullRunIsTheLatestAppliedFullRunThatSucceededOrPartlySucceeded() {
    finishedRun(true, false, RunStatus.SUCCEEDED, T0.plusSeconds(1));
    finishedRun(true, false, RunStatus.PARTIAL, T0.plusSeconds(2));
    assertThat(store().load().lastFullRun()).isEqualTo(T0.plusSeconds(2));

    finishedRun(false, false, RunStatus.SUCCEEDED, T0.plusSeconds(3));
    finishedRun(true, true, RunStatus.SUCCEEDED, T0.plusSeconds(4));
    finishedRun(true, false, RunStatus.STOPPED_BY_GUARD, T0.plusSeconds(5));
    finishedRun(true, false, RunStatus.FAILED, T0.plusSeconds(6));
    store().beginRun(new RunStart("cli", true, false, T0.plusSeconds(7)));

    assertThat(store().load().lastFullRun()).isEqualTo(T0.plusSeconds(2));
  }

  private void finishedRun(boolean full, boolean dryRun, RunStatus status, Instant finishedAt) {
    long id = store().beginRun(new RunStart("schedule", full, dryRun, finishedAt.minusSeconds(1)));
    store().finishRun(id, new RunSummary(status, 1, 1, 0, finishedAt, null));
  }

  @Test
  default void journalRecordsChangesOfARunInOrderWithTheirOutcome() {
    long run = store().beginRun(new RunStart("cli", true, false, T0));
    long other = store().beginRun(new RunStart("cli", true, false, T0));
    JournalEntry create =
        new JournalEntry(
            "CREATE_USER",
            ObjectKind.USER,
            "alice",
            null,
            "alice@example.org",
            List.of("userName", "name.givenName"));
    JournalEntry members =
        new JournalEntry(
            "PATCH_MEMBERS", ObjectKind.GROUP, "admins", "g-1", "Admins", List.of("+100", "-3"));
    long first = store().journalBegin(run, create);
    long elsewhere = store().journalBegin(other, create);
    long second = store().journalBegin(run, members);
    ChangeOutcome created = new ChangeOutcome(ChangeOutcome.Result.APPLIED, 201, "t-1", null);
    store().journalEnd(first, created);

    assertThat(store().journal(run))
        .containsExactly(
            new JournalRecord(first, run, create, JOURNAL_TIME, created, JOURNAL_TIME),
            new JournalRecord(second, run, members, JOURNAL_TIME, null, null));
    assertThat(store().journal(other)).extracting(JournalRecord::id).containsExactly(elsewhere);
  }

  @Test
  default void unfinishedChangesAreThoseWithoutOutcomeUntilSettled() {
    long run = store().beginRun(new RunStart("cli", true, false, T0));
    JournalEntry entry =
        new JournalEntry("DELETE_USER", ObjectKind.USER, "bob", "t-2", "bob", List.of());
    long ended = store().journalBegin(run, entry);
    long open1 = store().journalBegin(run, entry);
    long open2 = store().journalBegin(run, entry);
    ChangeOutcome failed =
        new ChangeOutcome(ChangeOutcome.Result.FAILED, 400, null, "invalid value for name");
    store().journalEnd(ended, failed);

    assertThat(store().unfinishedChanges())
        .extracting(JournalRecord::id)
        .containsExactly(open1, open2);
    assertThat(store().unfinishedChanges().get(0).outcome()).isNull();

    store().settle(List.of(open1));
    store().settle(List.of());

    assertThat(store().unfinishedChanges()).extracting(JournalRecord::id).containsExactly(open2);
    assertThat(store().journal(run)).hasSize(3);
    assertThat(store().journal(run).get(0).outcome()).isEqualTo(failed);
  }

  @Test
  default void journalingForAnUnknownRunOrEndingAnUnknownEntryFails() {
    JournalEntry entry =
        new JournalEntry("CREATE_GROUP", ObjectKind.GROUP, "ops", null, "Ops", List.of());
    assertThatThrownBy(() -> store().journalBegin(999, entry))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("run 999: no such run");
    ChangeOutcome skipped = new ChangeOutcome(ChangeOutcome.Result.SKIPPED, null, null, null);
    assertThatThrownBy(() -> store().journalEnd(777, skipped))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("journal entry 777");
    assertThatThrownBy(() -> store().settle(List.of(555L)))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("journal entry 555");

    long run = store().beginRun(new RunStart("cli", false, false, T0));
    assertThat(store().journalBegin(run, entry)).isPositive();
    assertThat(store().unfinishedChanges()).hasSize(1);
  }

  @Test
  default void aClosedStoreRefusesWork() {
    store().close();
    store().close();
    assertThatThrownBy(() -> store().load())
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("closed");
  }

  @Test
  default void dataSurvivesReopening() {
    store().saveLink(user("alice", "t-1"));
    store().addMemberships("admins", List.of("alice"));
    long run = store().beginRun(new RunStart("cli", true, false, T0));
    store().close();

    try (SqlStateStore reopened = reopen()) {
      StoredState state = reopened.load();
      assertThat(state.users()).containsOnlyKeys("alice");
      assertThat(state.memberships()).containsOnlyKeys("admins");
      assertThat(reopened.run(run)).isPresent();
    }
  }
}
