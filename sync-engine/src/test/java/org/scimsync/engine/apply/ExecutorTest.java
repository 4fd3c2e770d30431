package org.scimsync.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.cache.RunCaches;
import org.scimsync.engine.cache.WriteClearance;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.state.ChangeOutcome.Result;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.AttributeChange;
import org.scimsync.engine.target.InMemoryScimTarget;
import org.scimsync.engine.testing.InMemoryStateStore;

class ExecutorTest {

  private final InMemoryScimTarget target = InMemoryScimTarget.aws();
  private final InMemoryStateStore store = new InMemoryStateStore();
  private final WriteClearance clearance = RunCaches.of(store).clearForWriting();
  private final Executor executor = new Executor(target, store, Clock.systemUTC(), 2);

  @Test
  void createsTheMembersOfTheLargestGroupsThenOfTheSmallestFirst() {
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      changes.add(createUser("k" + i));
    }
    changes.add(createGroup("large-1", "k5", "k6", "k7", "k8"));
    changes.add(createGroup("large-2", "k5", "k6", "k7"));
    changes.add(createGroup("large-3", "k6", "k7", "k8"));
    changes.add(createGroup("small-1", "k2"));
    changes.add(createGroup("small-2", "k3", "k1"));

    // the three largest groups, largest first; then the smallest first; then the others
    assertThat(Executor.userLaneOrder(changes)).containsExactly(5, 6, 7, 8, 2, 3, 1, 0, 4, 9);
  }

  @Test
  void adoptsAnExistingGroupOnConflictAndAddsTheMembers() {
    String existing = target.seedGroup("aws-admins", null);
    long run = store.beginRun(new RunStart("t", true, false, Instant.EPOCH));

    ExecutionResult result =
        executor.execute(
            clearance,
            run,
            List.of(createUser("k0"), createGroup("aws-admins", "k0")),
            StoredState.empty(),
            true);

    assertThat(result.results()).allMatch(r -> r.result() == Result.APPLIED);
    assertThat(result.results().get(1).detail()).contains("adopted");
    assertThat(target.groupCount()).isEqualTo(1);
    assertThat(target.group(existing).get("externalId").asText()).isEqualTo("aws-admins");
    assertThat(target.membersOf(existing)).hasSize(1);
    assertThat(store.load().memberships().get("aws-admins")).containsExactly("k0");
    assertThat(store.journal(run))
        .extracting(JournalRecord::outcome)
        .allMatch(o -> o != null && o.result() == Result.APPLIED);
  }

  @Test
  void withholdsRemovalsWhenTheGuardSaysSo() {
    String u0 = target.seedUser("a@x", "k0");
    String g = target.seedGroup("aws-a", "ga");
    target.addMembers(g, List.of(u0));
    var stored =
        new StoredState(
            Map.of("k0", link(ObjectKind.USER, "k0", u0)),
            Map.of("ga", link(ObjectKind.GROUP, "ga", g)),
            Map.of("ga", Set.of("k0")),
            null);
    store.saveLink(stored.users().get("k0"));
    store.saveLink(stored.groups().get("ga"));
    store.addMemberships("ga", List.of("k0"));
    Change removal = new Change.UpdateMembers("ga", g, "aws-a", List.of(), List.of("k0"), "left");
    Change delete = new Change.DeleteUser("k0", u0, "a@x", "left");

    ExecutionResult guarded =
        executor.execute(clearance, 1, List.of(removal, delete), stored, false);

    assertThat(guarded.results())
        .extracting(ChangeResult::result)
        .containsExactly(Result.APPLIED, Result.SKIPPED);
    assertThat(guarded.results().get(0).detail()).contains("withheld");
    assertThat(target.membersOf(g)).containsExactly(u0);
    assertThat(target.user(u0)).isNotNull();

    ExecutionResult allowed =
        executor.execute(clearance, 2, List.of(removal, delete), stored, true);
    assertThat(allowed.results()).allMatch(r -> r.result() == Result.APPLIED);
    assertThat(target.membersOf(g)).isEmpty();
    assertThat(target.user(u0)).isNull();
    assertThat(store.load().users()).isEmpty();
    assertThat(store.load().memberships()).isEmpty();
  }

  @Test
  void deletingAnObjectThatIsAlreadyGoneSucceeds() {
    ExecutionResult result =
        executor.execute(
            clearance,
            1,
            List.of(new Change.DeleteUser("k9", "u-404", "gone@x", "left")),
            StoredState.empty(),
            true);
    assertThat(result.results().get(0).result()).isEqualTo(Result.APPLIED);
    assertThat(result.results().get(0).detail()).contains("already gone");
  }

  @Test
  void adoptingATargetUserThatNoLongerExistsDropsTheLinkToItAndRecordsNoResource() {
    String gone = target.seedUser("a@x", "k-old");
    target.deleteUser(gone);
    Link old = link(ObjectKind.USER, "k-old", gone);
    store.saveLink(old, JsonNodeFactory.instance.objectNode().put("userName", "a@x"));
    ObjectNode resource = JsonNodeFactory.instance.objectNode().put("userName", "a@x");
    Change adopt =
        new Change.AdoptUser(
            "k-new",
            gone,
            "a@x",
            List.of(AttributeChange.replace(List.of("externalId"), TextNode.valueOf("k-new"))),
            "h",
            "an existing target user has the same userName",
            resource);
    long run = store.beginRun(new RunStart("t", false, false, Instant.EPOCH));

    ChangeResult result =
        executor
            .execute(
                clearance,
                run,
                List.of(adopt),
                new StoredState(Map.of("k-old", old), Map.of(), Map.of(), null),
                true)
            .results()
            .get(0);

    assertThat(result.result()).isEqualTo(Result.FAILED);
    assertThat(result.httpStatus()).isEqualTo(404);
    assertThat(result.detail()).contains("the target user to adopt no longer exists");
    assertThat(store.load().users()).isEmpty();
    assertThat(store.pushedResources(ObjectKind.USER, List.of("k-old", "k-new"))).isEmpty();
  }

  private static Link link(ObjectKind kind, String key, String id) {
    return new Link(kind, key, id, "h", false, Instant.EPOCH);
  }

  private static Change createUser(String key) {
    ObjectNode resource = JsonNodeFactory.instance.objectNode();
    resource.put("userName", key + "@example.org");
    resource.put("displayName", key);
    return new Change.CreateUser(key, key + "@example.org", resource, "h", "new");
  }

  private static Change createGroup(String key, String... members) {
    ObjectNode resource = JsonNodeFactory.instance.objectNode();
    resource.put("displayName", key);
    return new Change.CreateGroup(key, key, resource, List.of(members), "h", "new");
  }
}
