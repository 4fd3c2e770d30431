package org.scimsync.state.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimsync.state.sql.StateStoreFixture.group;
import static org.scimsync.state.sql.StateStoreFixture.user;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scimsync.common.ConfigValueException;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.state.MappingMemo;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunDetails;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.SourceCheckpoint;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.engine.state.SteadyState;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.state.TargetNames;

/** Several targets in one store: each reads and writes its own state only. */
public interface TargetsContract extends StateStoreFixture {

  private SqlStateStore slack() {
    return store().forTarget("slack");
  }

  private static ChangeOutcome applied(String id) {
    return new ChangeOutcome(ChangeOutcome.Result.APPLIED, 201, id, null);
  }

  private static JournalEntry create(String key) {
    return new JournalEntry("CREATE_USER", ObjectKind.USER, key, null, key, List.of());
  }

  @Test
  default void theOpenedStoreIsThatOfTheDefaultTargetAndAViewIsThatOfItsName() {
    assertThat(store().target()).isEqualTo(TargetNames.DEFAULT);
    assertThat(slack().target()).isEqualTo("slack");
    assertThat(slack().forTarget("default").target()).isEqualTo("default");
    assertThatThrownBy(() -> store().forTarget("Slack Workspace"))
        .isInstanceOf(ConfigValueException.class)
        .hasMessageContaining("'Slack Workspace' is not a valid target name");
  }

  @Test
  default void linksAndMembershipsOfTwoTargetsAreApart() {
    store().saveLink(user("alice", "t-1"));
    store().saveLink(group("admins", "g-1"));
    store().addMemberships("admins", List.of("alice"));
    // the same source keys and the same target ids in another target
    slack().saveLink(user("alice", "U-1"));
    slack().saveLink(user("bob", "t-1"));
    slack().saveLink(group("admins", "g-1"));
    slack().addMemberships("admins", List.of("bob"));

    StoredState defaults = store().load();
    assertThat(defaults.users()).containsExactly(Map.entry("alice", user("alice", "t-1")));
    assertThat(defaults.groups()).containsOnlyKeys("admins");
    assertThat(defaults.memberships()).containsExactly(Map.entry("admins", Set.of("alice")));
    StoredState slacks = slack().load();
    assertThat(slacks.users())
        .containsOnly(
            Map.entry("alice", user("alice", "U-1")), Map.entry("bob", user("bob", "t-1")));
    assertThat(slacks.memberships()).containsExactly(Map.entry("admins", Set.of("bob")));
    assertThat(store().forTarget("github").load()).isEqualTo(StoredState.empty());

    slack().removeMemberships("admins", List.of("bob", "alice"));
    assertThat(slack().load().memberships()).isEmpty();
    assertThat(store().load().memberships()).containsExactly(Map.entry("admins", Set.of("alice")));
  }

  @Test
  default void deletingALinkOfOneTargetLeavesTheOthersLinksAndMemberships() {
    for (SqlStateStore target : List.of(store(), slack())) {
      target.saveLink(user("alice", "t-1"));
      target.saveLink(group("admins", "g-1"));
      target.addMemberships("admins", List.of("alice"));
    }

    slack().deleteLink(ObjectKind.USER, "alice");
    slack().deleteLink(ObjectKind.GROUP, "admins");

    assertThat(slack().load()).isEqualTo(StoredState.empty());
    StoredState defaults = store().load();
    assertThat(defaults.users()).containsOnlyKeys("alice");
    assertThat(defaults.groups()).containsOnlyKeys("admins");
    assertThat(defaults.memberships()).containsExactly(Map.entry("admins", Set.of("alice")));
  }

  @Test
  default void pushedResourcesAreThoseOfTheTarget() {
    ObjectNode alice = JsonNodeFactory.instance.objectNode().put("userName", "alice@aws");
    store().saveLink(user("alice", "t-1"), alice);
    slack().saveLink(user("alice", "t-1"));

    assertThat(slack().pushedResources(ObjectKind.USER, List.of("alice"))).isEmpty();
    assertThat(store().pushedResources(ObjectKind.USER, List.of("alice")))
        .containsExactly(Map.entry("alice", alice));
  }

  @Test
  default void runsAndJournalsOfTwoTargetsAreApartWithIdsUniqueAcrossThem() {
    long full = store().beginRun(new RunStart("cli", true, false, T0));
    long entry = store().journalBegin(full, create("alice"));
    long unfinished = store().journalBegin(full, create("bob"));
    store().journalEnd(entry, applied("t-1"));
    store().finishRun(full, new RunSummary(RunStatus.SUCCEEDED, 2, 1, 0, T0.plusSeconds(9), null));
    long other = slack().beginRun(new RunStart("schedule", false, false, T0.plusSeconds(60)));
    long slackEntry = slack().journalBegin(other, create("carol"));

    assertThat(other).isGreaterThan(full);
    assertThat(store().recentRuns(10)).extracting(r -> r.id()).containsExactly(full);
    assertThat(slack().recentRuns(10)).extracting(r -> r.id()).containsExactly(other);
    assertThat(slack().run(full)).isEmpty();
    assertThat(store().run(other)).isEmpty();
    assertThat(store().lastFullRun()).isEqualTo(T0.plusSeconds(9));
    assertThat(slack().lastFullRun()).isNull();
    assertThat(slack().load().lastFullRun()).isNull();
    assertThat(slack().journal(full)).isEmpty();
    assertThat(store().journal(full)).extracting(r -> r.id()).containsExactly(entry, unfinished);
    assertThat(store().unfinishedChanges()).extracting(r -> r.id()).containsExactly(unfinished);
    assertThat(slack().unfinishedChanges()).extracting(r -> r.id()).containsExactly(slackEntry);
    assertThat(store().targetOfRun(other)).contains("slack");
    assertThat(slack().targetOfRun(full)).contains("default");
    assertThat(store().targetOfRun(other + 1)).isEmpty();

    // one target cannot write into another's runs and journal
    assertThatThrownBy(() -> slack().journalBegin(full, create("dave")))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("no such run of target slack");
    assertThatThrownBy(() -> slack().journalEnd(unfinished, applied("t-2")))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("journal entry " + unfinished);
    assertThatThrownBy(() -> slack().settle(List.of(unfinished)))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("journal entry " + unfinished);
    assertThatThrownBy(
            () ->
                store()
                    .finishRun(
                        other, new RunSummary(RunStatus.FAILED, 0, 0, 0, T0.plusSeconds(70), "x")))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("no such run of target default");
    assertThat(store().unfinishedChanges()).extracting(r -> r.id()).containsExactly(unfinished);
    assertThat(slack().run(other).orElseThrow().summary()).isNull();

    slack().settle(List.of(slackEntry));
    assertThat(slack().unfinishedChanges()).isEmpty();
    assertThat(store().unfinishedChanges()).extracting(r -> r.id()).containsExactly(unfinished);
  }

  @Test
  default void runDetailsAreReadAndWrittenThroughTheirTarget() {
    long run = store().beginRun(new RunStart("cli", true, false, T0));
    RunDetails details = new RunDetails(List.of("a warning"), List.of(), "plan\n");
    store().saveRunDetails(run, details);

    assertThat(slack().runDetails(run)).isEmpty();
    assertThatThrownBy(() -> slack().saveRunDetails(run, new RunDetails(List.of(), List.of(), "")))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("no such run of target slack");
    assertThat(store().runDetails(run)).contains(details);
  }

  @Test
  default void mappingMemosAndTheirRulesAreApart() {
    MappingMemo.Entry ada = new MappingMemo.Entry("fp-ada", "ada@aws", "h-ada");
    MappingMemo.Entry adaOnSlack = new MappingMemo.Entry("fp-ada", "ada@slack", "h-ada-slack");
    store().updateMappingMemo(new MappingMemo.Update("rules-aws", Map.of("ada", ada), Set.of()));
    // other rules for the other target: the default target's memo stays valid
    slack()
        .updateMappingMemo(
            new MappingMemo.Update("rules-slack", Map.of("ada", adaOnSlack), Set.of()));
    slack().updateMappingMemo(new MappingMemo.Update("rules-slack", Map.of(), Set.of("ada")));

    assertThat(store().mappingMemo("rules-aws").users()).containsExactly(Map.entry("ada", ada));
    assertThat(slack().mappingMemo("rules-slack").users()).isEmpty();
    assertThat(slack().mappingMemo("rules-aws").users()).isEmpty();
    assertThat(store().mappingMemo("rules-slack").users()).isEmpty();
  }

  @Test
  default void steadyStatesCapabilitiesAndCheckpointsAreApart() {
    SteadyState steady = new SteadyState("inputs-aws", 7, 120, List.of());
    store().recordSteadyState(steady);
    store().saveTargetCapabilities(Map.of("memberLimit", "100"));
    store().saveSourceCheckpoint(new SourceCheckpoint("inputs-aws", "cookie-1"));

    assertThat(slack().steadyState()).isEmpty();
    assertThat(slack().targetCapabilities()).isEmpty();
    assertThat(slack().sourceCheckpoint()).isEmpty();

    slack().recordSteadyState(new SteadyState("inputs-slack", 8, 3, List.of()));
    slack().forgetSteadyState();
    slack().saveTargetCapabilities(Map.of("membersOnCreate", "false"));
    slack().saveSourceCheckpoint(new SourceCheckpoint("inputs-slack", "cookie-2"));

    assertThat(store().steadyState()).contains(steady);
    assertThat(slack().steadyState()).isEmpty();
    assertThat(store().targetCapabilities()).containsExactly(Map.entry("memberLimit", "100"));
    assertThat(slack().targetCapabilities()).containsExactly(Map.entry("membersOnCreate", "false"));
    assertThat(store().sourceCheckpoint()).contains(new SourceCheckpoint("inputs-aws", "cookie-1"));
    assertThat(slack().sourceCheckpoint())
        .contains(new SourceCheckpoint("inputs-slack", "cookie-2"));
  }

  @Test
  default void theTargetsWithStateAreThoseWithARunOrALink() {
    assertThat(store().targetsWithState()).isEmpty();
    slack().beginRun(new RunStart("cli", true, false, T0));
    store().forTarget("aws-prod").saveLink(user("alice", "t-1"));
    store().forTarget("github").saveTargetCapabilities(Map.of("memberLimit", "10"));

    assertThat(store().targetsWithState()).containsExactly("aws-prod", "slack");
    assertThat(slack().targetsWithState()).containsExactly("aws-prod", "slack");
  }

  @Test
  default void closingTheStoreOfAnotherTargetLeavesTheDatabaseOpen() {
    SqlStateStore slack = slack();
    slack.saveLink(user("alice", "t-1"));
    slack.close();

    assertThat(slack.load().users()).containsOnlyKeys("alice");
    store().close();
    assertThatThrownBy(slack::load)
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("closed");
  }
}
