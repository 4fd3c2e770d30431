package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.MappingMemo;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.InMemoryScimTarget;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;
import org.scimsync.engine.testing.InMemoryStateStore;
import org.scimsync.engine.testing.ListDirectorySource;
import org.scimsync.engine.testing.SimpleMapper;

class PlannerPropertiesTest {

  private static final SyncPolicy POLICY =
      new SyncPolicy(
          SyncPolicy.UserDeprovision.DELETE,
          SyncPolicy.GroupDeprovision.DELETE,
          1000,
          100,
          Duration.ofHours(6),
          2);

  /** A generated directory: users by index with an optional title, groups as member indexes. */
  record Directory(List<String> titles, List<List<Integer>> groups, int nameVariant) {

    ListDirectorySource toSource() {
      ListDirectorySource source = new ListDirectorySource();
      fill(source);
      return source;
    }

    void fill(ListDirectorySource source) {
      source.clear();
      for (int i = 0; i < titles.size(); i++) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("mail", "user" + i + "@example.org");
        attributes.put("givenName", "Given" + (i + nameVariant));
        attributes.put("sn", "Family" + i);
        if (!titles.get(i).isEmpty()) {
          attributes.put("title", titles.get(i));
        }
        source.user("k" + i, attributes);
      }
      for (int g = 0; g < groups.size(); g++) {
        List<String> members = new ArrayList<>();
        for (int index : groups.get(g)) {
          if (index < titles.size() && !members.contains("k" + index)) {
            members.add("k" + index);
          }
        }
        source.group("g" + g, "aws-group-" + g + (nameVariant % 2 == 0 ? "" : "-renamed"), members);
      }
    }

    DesiredState desired() {
      return DesiredStateBuilder.build(toSource().read(), new SimpleMapper(), Set.of());
    }
  }

  @Provide
  Arbitrary<Directory> directories() {
    Arbitrary<List<String>> titles =
        Arbitraries.of("", "Engineer", "Manager", "Intern").list().ofMaxSize(25);
    Arbitrary<List<List<Integer>>> groups =
        Arbitraries.integers().between(0, 24).list().ofMaxSize(12).list().ofMaxSize(5);
    return Combinators.combine(titles, groups, Arbitraries.integers().between(0, 1))
        .as(Directory::new);
  }

  @Property(tries = 60)
  void identicalStatesGiveAnEmptyPlan(@ForAll("directories") Directory directory) {
    DesiredState desired = directory.desired();
    List<TargetUser> users = new ArrayList<>();
    Map<String, Link> userLinks = new HashMap<>();
    for (DesiredUser user : desired.users()) {
      ObjectNode resource = user.resource().deepCopy().put("id", "id-" + user.key());
      resource.put("externalId", user.key());
      users.add(new TargetUser("id-" + user.key(), user.key(), user.userName(), resource));
      userLinks.put(user.key(), link(ObjectKind.USER, user.key(), user.contentHash()));
    }
    List<TargetGroup> groups = new ArrayList<>();
    Map<String, Link> groupLinks = new HashMap<>();
    Map<String, Set<String>> memberships = new HashMap<>();
    for (DesiredGroup group : desired.groups()) {
      ObjectNode resource = group.resource().deepCopy().put("id", "id-" + group.key());
      resource.put("externalId", group.key());
      groups.add(new TargetGroup("id-" + group.key(), group.key(), group.displayName(), resource));
      groupLinks.put(group.key(), link(ObjectKind.GROUP, group.key(), group.contentHash()));
      memberships.put(group.key(), Set.copyOf(group.memberKeys()));
    }
    StoredState stored = new StoredState(userLinks, groupLinks, memberships, Instant.EPOCH);

    Plan plan = Planner.plan(desired, ObservedState.complete(users, groups), stored, POLICY);

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.linkUpdates()).isEmpty();
    assertThat(plan.unmanaged()).isEmpty();
  }

  @Property(tries = 25)
  void applyingAPlanConvergesSoThatPlanningAgainIsEmpty(
      @ForAll("directories") Directory before, @ForAll("directories") Directory after) {
    var target = InMemoryScimTarget.aws();
    target.seedUser("controltower@example.org", null);
    target.seedUser("user3@example.org", null);
    var store = new InMemoryStateStore();
    ListDirectorySource source = before.toSource();
    var engine =
        new SyncEngine(source, new SimpleMapper(), target, store, POLICY, Clock.systemUTC());
    SyncOptions full = SyncOptions.of("test").withFull(true).withAllowDeletes(true);

    assertThat(engine.run(full).status()).isEqualTo(RunStatus.SUCCEEDED);
    boolean emptied = after.titles().isEmpty() && !before.titles().isEmpty();
    after.fill(source);
    if (emptied) {
      assertThat(engine.run(full).status()).isEqualTo(RunStatus.STOPPED_BY_GUARD);
      return;
    }
    assertThat(engine.run(full).status()).isEqualTo(RunStatus.SUCCEEDED);

    Plan again = engine.plan(full);
    assertThat(again.changes()).isEmpty();
    boolean seededUserStayedUnmanaged = before.titles().size() <= 3 && after.titles().size() <= 3;
    assertThat(target.userCount())
        .isEqualTo(after.titles().size() + 1 + (seededUserStayedUnmanaged ? 1 : 0));
    for (DesiredGroup group : after.desired().groups()) {
      String id = target.groupIdByName(group.displayName()).orElseThrow();
      assertThat(target.membersOf(id)).hasSize(group.memberKeys().size());
    }
  }

  /**
   * The mapping memo of any earlier directory changes nothing in the desired state of the next one:
   * users, their resources and hashes, held keys and warnings are those of a build without it.
   */
  @Property(tries = 60)
  void aMemoFromAnEarlierDirectoryNeverChangesTheDesiredState(
      @ForAll("directories") Directory before, @ForAll("directories") Directory after) {
    SimpleMapper mapper = new SimpleMapper();
    MappingMemo empty = MappingMemo.empty(mapper.rulesFingerprint());
    DesiredStateBuilder.Built first =
        DesiredStateBuilder.build(before.toSource().read(), mapper, Set.of(), empty);
    MappingMemo memo = new MappingMemo(mapper.rulesFingerprint(), first.memoUpdate().put());

    DesiredStateBuilder.Built second =
        DesiredStateBuilder.build(after.toSource().read(), mapper, Set.of(), memo);

    assertThat(second.desired()).isEqualTo(after.desired());
    assertThat(second.remembered()).isLessThanOrEqualTo(after.titles().size());
  }

  @Property(tries = 60)
  void planningDoesNotMutateItsInputsAndIsDeterministic(
      @ForAll("directories") Directory before, @ForAll("directories") Directory after) {
    DesiredState old = before.desired();
    List<TargetUser> users = new ArrayList<>();
    Map<String, Link> links = new HashMap<>();
    for (DesiredUser user : old.users()) {
      ObjectNode resource = user.resource().deepCopy().put("id", "id-" + user.key());
      users.add(new TargetUser("id-" + user.key(), null, user.userName(), resource));
      if (user.key().hashCode() % 2 == 0) {
        links.put(user.key(), link(ObjectKind.USER, user.key(), "old"));
      }
    }
    ObservedState observed = ObservedState.complete(users, List.of());
    StoredState stored = new StoredState(links, Map.of(), Map.of(), null);
    DesiredState desired = after.desired();
    String before1 = desired.toString() + observed + stored;

    Plan first = Planner.plan(desired, observed, stored, POLICY);
    Plan second = Planner.plan(desired, observed, stored, POLICY);

    assertThat(desired.toString() + observed + stored).isEqualTo(before1);
    assertThat(second).isEqualTo(first);
  }

  private static Link link(ObjectKind kind, String key, String hash) {
    return new Link(kind, key, "id-" + key, hash, false, Instant.EPOCH);
  }
}
