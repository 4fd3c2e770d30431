package org.scimsync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.ResourceMapper;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.engine.target.AttributeChange;
import org.scimsync.engine.target.InMemoryScimTarget;
import org.scimsync.engine.testing.InMemoryStateStore;
import org.scimsync.engine.testing.ListDirectorySource;
import org.scimsync.engine.testing.MutableClock;
import org.scimsync.engine.testing.SimpleMapper;
import org.scimsync.engine.testing.TrackedSource;
import org.scimsync.mapping.MappingResult;

/**
 * The caches (pushed resources, mapping memo, steady state) never make a run wrong. After any mix
 * of directory edits, rule changes and edits made directly in the target, an incremental run is
 * followed by a full run that plans exactly what the incremental run could not see — the objects
 * that still differ in the target from what the directory and the rules ask for, as read from the
 * target itself — and nothing else; after that full run, neither kind of run plans anything.
 */
class CachesPropertiesTest {

  private static final int USERS = 6;
  private static final int GROUPS = 2;
  private static final List<String> VALUES = List.of("A", "B", "C");

  /** One edit between runs. */
  sealed interface Edit {}

  /** A user's attribute set (or, for {@code title}, removed when {@code value} is null). */
  record EditUser(int user, String attribute, @Nullable String value) implements Edit {}

  /** A user removed from the directory, or added back. */
  record ToggleUser(int user) implements Edit {}

  /** A group's members replaced. */
  record SetMembers(int group, Set<Integer> members) implements Edit {}

  /** The rules changed: the displayName is written the other way round. */
  record ChangeRules() implements Edit {}

  /** An administrator changed a user's displayName in the target's console. */
  record EditInTarget(int user) implements Edit {}

  /** An administrator deleted a user in the target's console. */
  record DeleteInTarget(int user) implements Edit {}

  /** An administrator removed a member from a group in the target (a target that lists members). */
  record RemoveMemberInTarget(int group, int user) implements Edit {}

  @Provide
  Arbitrary<Edit> edits() {
    Arbitrary<Integer> user = Arbitraries.integers().between(0, USERS - 1);
    Arbitrary<Integer> group = Arbitraries.integers().between(0, GROUPS - 1);
    Arbitrary<String> attribute = Arbitraries.of("givenName", "sn", "title");
    Arbitrary<String> value = Arbitraries.of(VALUES).injectNull(0.2);
    return Arbitraries.oneOf(
        net.jqwik.api.Combinators.combine(user, attribute, value).as(EditUser::new),
        user.map(ToggleUser::new),
        net.jqwik.api.Combinators.combine(group, user.set().ofMaxSize(USERS)).as(SetMembers::new),
        Arbitraries.just(new ChangeRules()),
        user.map(EditInTarget::new),
        user.map(DeleteInTarget::new),
        net.jqwik.api.Combinators.combine(group, user).as(RemoveMemberInTarget::new));
  }

  /**
   * The seed is fixed so that the build is repeatable; to explore, run it with another seed (or
   * none) and more tries: 2,000 tries with random seeds passed when it was written.
   */
  @Property(tries = 200, seed = "20261206")
  void aFullRunAfterAnIncrementalOnePlansExactlyWhatTheTargetStillLacks(
      @ForAll @Size(min = 1, max = 8) List<@net.jqwik.api.From("edits") Edit> edits,
      @ForAll boolean versionedDirectory,
      @ForAll boolean membersReadable,
      @ForAll boolean changeTracking) {
    World world = new World(versionedDirectory, membersReadable, changeTracking);
    world.run(false);
    world.run(true);
    assertThat(world.plan(true).changes()).as("a full run after the first sync").isEmpty();

    for (Edit edit : edits) {
      world.apply(edit);
    }
    RunReport incremental = world.run(false);
    assertThat(incremental.plan().full()).isFalse();

    Plan full = world.plan(true);
    assertThat(changedObjects(full))
        .as("what the full run plans after edits %s", edits)
        .isEqualTo(world.differences());

    RunReport repair = world.run(true);
    assertThat(world.differences())
        .as(
            "the target after the full run, which did %s %s %s",
            repair.results(), repair.message(), repair.plan().full())
        .isEmpty();
    assertThat(world.plan(false).changes()).as("an incremental plan after it").isEmpty();
    assertThat(world.plan(true).changes()).as("a full plan after it").isEmpty();
  }

  /** The objects a plan changes, as {@code user:key} and {@code group:key}. */
  private static Set<String> changedObjects(Plan plan) {
    Set<String> changed = new TreeSet<>();
    for (Change change : plan.changes()) {
      boolean group =
          change instanceof Change.CreateGroup
              || change instanceof Change.UpdateGroup
              || change instanceof Change.AdoptGroup
              || change instanceof Change.UpdateMembers
              || change instanceof Change.DeleteGroup;
      changed.add((group ? "group:" : "user:") + change.sourceKey());
    }
    return changed;
  }

  /** The rules of a test, in two versions: the second writes the displayName "sn, givenName". */
  static final class SwitchableMapper implements ResourceMapper {
    private final SimpleMapper simple = new SimpleMapper();
    private final boolean reversed;

    SwitchableMapper(boolean reversed) {
      this.reversed = reversed;
    }

    @Override
    public MappingResult mapUser(SourceUser user) {
      MappingResult result = simple.mapUser(user);
      if (reversed && result instanceof MappingResult.Mapped mapped) {
        ObjectNode resource = mapped.resource().deepCopy();
        resource.put(
            "displayName",
            resource.path("name").path("familyName").asText()
                + ", "
                + resource.path("name").path("givenName").asText());
        return new MappingResult.Mapped(resource, mapped.warnings());
      }
      return result;
    }

    @Override
    public MappingResult mapGroup(SourceGroup group) {
      return simple.mapGroup(group);
    }

    @Override
    public String rulesFingerprint() {
      return reversed ? "switchable-reversed" : "switchable-plain";
    }
  }

  /** A directory, a target and a state store, with the model of what the directory holds. */
  static final class World {
    final ListDirectorySource source = new ListDirectorySource();
    final @Nullable TrackedSource tracked;
    final InMemoryScimTarget target;
    final InMemoryStateStore store = new InMemoryStateStore();
    final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    final Map<Integer, Map<String, String>> users = new TreeMap<>();
    final Set<Integer> removed = new TreeSet<>();
    final Map<Integer, Set<Integer>> members = new TreeMap<>();
    boolean reversed;
    boolean deletedInTarget;

    World(boolean versioned, boolean membersReadable, boolean tracked) {
      this.tracked = tracked ? new TrackedSource(source) : null;
      target = membersReadable ? InMemoryScimTarget.generic() : InMemoryScimTarget.aws();
      if (versioned) {
        source.versioned();
      }
      for (int i = 0; i < USERS; i++) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("mail", "u" + i + "@example.org");
        attributes.put("givenName", "Given" + i);
        attributes.put("sn", "Family" + i);
        users.put(i, attributes);
      }
      members.put(0, new TreeSet<>(Set.of(0, 1, 2)));
      members.put(1, new TreeSet<>(Set.of(2, 3, 4, 5)));
      publish();
    }

    SyncEngine engine() {
      return new SyncEngine(
          tracked != null ? tracked : source,
          new SwitchableMapper(reversed),
          target,
          store,
          new org.scimsync.engine.plan.SyncPolicy(
              org.scimsync.engine.plan.SyncPolicy.UserDeprovision.DELETE,
              org.scimsync.engine.plan.SyncPolicy.GroupDeprovision.DELETE,
              50,
              50,
              java.time.Duration.ofHours(6),
              4),
          clock);
    }

    RunReport run(boolean full) {
      clock.advance(java.time.Duration.ofMinutes(1));
      RunReport report = engine().run(options(full));
      // An incremental run may meet a user deleted in the target behind its back (a 404 on the
      // user, a refused member): the next full run repairs it. Nothing else may fail.
      assertThat(report.results())
          .filteredOn(r -> r.result() == org.scimsync.engine.state.ChangeOutcome.Result.FAILED)
          .allSatisfy(
              r -> {
                assertThat(full).as("a failure in a full run: %s", r).isFalse();
                assertThat(deletedInTarget).as("a failure with no deletion behind: %s", r).isTrue();
              });
      return report;
    }

    Plan plan(boolean full) {
      return engine().plan(options(full));
    }

    /**
     * A run's options: a full run re-reads everything the target can tell, memberships included
     * (memberships are read back only on request: {@code --full --verify-members}).
     */
    private static SyncOptions options(boolean full) {
      return SyncOptions.of("test").withFull(full).withVerifyMembers(full).withAllowDeletes(true);
    }

    void apply(Edit edit) {
      if (edit instanceof EditUser e) {
        if (e.value() == null && !e.attribute().equals("title")) {
          return;
        }
        if (e.value() == null) {
          users.get(e.user()).remove("title");
        } else {
          users.get(e.user()).put(e.attribute(), e.value());
        }
        publish();
      } else if (edit instanceof ToggleUser t) {
        if (!removed.remove(t.user())) {
          removed.add(t.user());
        }
        publish();
      } else if (edit instanceof SetMembers s) {
        members.put(s.group(), new TreeSet<>(s.members()));
        publish();
      } else if (edit instanceof ChangeRules) {
        reversed = !reversed;
      } else if (edit instanceof EditInTarget e) {
        userId(e.user())
            .ifPresent(
                id ->
                    target.patchUser(
                        id,
                        List.of(
                            AttributeChange.replace(
                                List.of("displayName"),
                                TextNode.valueOf("Edited in the console")))));
      } else if (edit instanceof DeleteInTarget d) {
        userId(d.user())
            .ifPresent(
                id -> {
                  target.deleteUser(id);
                  deletedInTarget = true;
                });
      } else if (edit instanceof RemoveMemberInTarget r) {
        removeMemberInTarget(r);
      }
    }

    private void removeMemberInTarget(RemoveMemberInTarget edit) {
      if (!target.membersReadable()) {
        return; // a target that cannot list members cannot show such drift to any run
      }
      java.util.Optional<String> group = target.groupIdByName("group-" + edit.group());
      java.util.Optional<String> user = userId(edit.user());
      if (group.isPresent()
          && user.isPresent()
          && target.membersOf(group.get()).contains(user.get())) {
        target.removeMembers(group.get(), List.of(user.get()));
      }
    }

    private java.util.Optional<String> userId(int user) {
      return target.userIdByName("u" + user + "@example.org");
    }

    /** Writes the model into the directory. */
    private void publish() {
      source.clear();
      users.forEach(
          (i, attributes) -> {
            if (!removed.contains(i)) {
              source.user("k" + i, attributes);
            }
          });
      members.forEach(
          (g, keys) ->
              source.group(
                  "g" + g,
                  "group-" + g,
                  keys.stream().filter(i -> !removed.contains(i)).map(i -> "k" + i).toList()));
    }

    /**
     * The objects whose target content differs from what the directory and the rules ask for, read
     * from the target itself: {@code user:key} for a user missing, different or not wanted; {@code
     * group:key} for a group missing or whose members differ (members the target cannot list are
     * read all the same: a deleted user takes its memberships with it).
     */
    Set<String> differences() {
      Set<String> differ = new TreeSet<>();
      SwitchableMapper mapper = new SwitchableMapper(reversed);
      Map<String, String> idsByName = new LinkedHashMap<>();
      for (int i = 0; i < USERS; i++) {
        String userName = "u" + i + "@example.org";
        java.util.Optional<String> id = target.userIdByName(userName);
        id.ifPresent(v -> idsByName.put(userName, v));
        boolean wanted = !removed.contains(i);
        if (!wanted) {
          if (id.isPresent()) {
            differ.add("user:k" + i);
          }
          continue;
        }
        MappingResult.Mapped mapped =
            (MappingResult.Mapped)
                mapper.mapUser(
                    new SourceUser("k" + i, "uid=k" + i, toValues(users.get(i)), List.of()));
        if (id.isEmpty() || !sameContent(mapped.resource(), target.user(id.get()))) {
          differ.add("user:k" + i);
        }
      }
      for (Map.Entry<Integer, Set<Integer>> group : members.entrySet()) {
        java.util.Optional<String> id = target.groupIdByName("group-" + group.getKey());
        Set<String> want = new TreeSet<>();
        for (int i : group.getValue()) {
          if (!removed.contains(i)) {
            want.add(Objects.requireNonNullElse(idsByName.get("u" + i + "@example.org"), "?" + i));
          }
        }
        if (id.isEmpty() || !new TreeSet<>(target.membersOf(id.get())).equals(want)) {
          differ.add("group:g" + group.getKey());
        }
      }
      return differ;
    }

    private static Map<String, List<Object>> toValues(Map<String, String> attributes) {
      Map<String, List<Object>> values = new LinkedHashMap<>();
      attributes.forEach((name, value) -> values.put(name, List.of(value)));
      return values;
    }

    /** Whether the target holds every attribute the mapped resource sets, and no other title. */
    private static boolean sameContent(ObjectNode wanted, @Nullable ObjectNode actual) {
      if (actual == null) {
        return false;
      }
      List<String> names = new ArrayList<>();
      wanted.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = wanted.get(name);
        if (!value.equals(actual.get(name))) {
          return false;
        }
      }
      return wanted.has("title") || !actual.has("title") || actual.get("title").isNull();
    }
  }
}
