package org.scimsync.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.scimsync.emulator.EmulatorState;

/** The floor counts what the target's change strictly needs and times it by the slowest API. */
class RequestFloorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void initialSyncNeedsACreatePerObjectAndAPatchPerHundredExtraMembers() {
    List<EmulatorState.User> users = users(1_000, "Engineer");
    Set<String> all = users.stream().map(EmulatorState.User::id).collect(Collectors.toSet());
    EmulatorState after =
        new EmulatorState(
            users,
            List.of(
                new EmulatorState.Group("g1", "big", "k1", all),
                new EmulatorState.Group("g2", "small", "k2", Set.of("u1"))));

    RequestFloor.Floor floor =
        RequestFloor.of(new EmulatorState(List.of(), List.of()), after, true, 40, 25, 0.03);

    assertThat(floor.needed())
        .containsEntry("CreateUser", 1_000L)
        .containsEntry("CreateGroup", 2L)
        .containsEntry("PatchGroup", 9L)
        .containsEntry("ListUsers", 1L)
        .containsEntry("ListGroups", 1L)
        .doesNotContainKeys("PatchUser", "DeleteUser", "DeleteGroup");
    assertThat(floor.limitingApi()).isEqualTo("CreateUser");
    // one list page each (0.03 s, latency-bound) + 1000 creates at 25/s + the last answer
    assertThat(floor.boundSeconds()).isCloseTo(0.03 + 40 + 0.03, within(1e-9));
    assertThat(floor.neededWrites()).isEqualTo(1_011);
    assertThat(floor.neededReads()).isEqualTo(2);
  }

  @Test
  void noOpFullRunNeedsOnlyThePagesAsAChain() {
    List<EmulatorState.User> users = users(5_000, "Engineer");
    EmulatorState state = new EmulatorState(users, List.of());

    RequestFloor.Floor floor = RequestFloor.of(state, state, true, 40, 25, 0.03);

    assertThat(floor.needed()).containsOnlyKeys("ListUsers", "ListGroups");
    assertThat(floor.needed()).containsEntry("ListUsers", 50L);
    // 50 dependent pages, each at least max(1/40 s, 30 ms)
    assertThat(floor.boundSeconds()).isCloseTo(50 * 0.03, within(1e-9));
    assertThat(floor.neededWrites()).isZero();
  }

  @Test
  void changesCountOnePatchPerChangedUserAndPerHundredMembershipChanges() {
    List<EmulatorState.User> before = users(300, "Engineer");
    List<EmulatorState.User> after = new ArrayList<>(before);
    after.set(5, user(5, "Manager"));
    after.set(7, user(7, "Manager"));
    Set<String> oldMembers = ids(0, 150);
    Set<String> newMembers = ids(1, 151);
    EmulatorState from =
        new EmulatorState(
            before,
            List.of(
                new EmulatorState.Group("g1", "a", "k1", oldMembers),
                new EmulatorState.Group("g2", "b", "k2", Set.of("u1"))));
    EmulatorState to =
        new EmulatorState(
            after,
            List.of(
                new EmulatorState.Group("g1", "a", "k1", newMembers),
                new EmulatorState.Group("g2", "b-renamed", "k2", Set.of("u1"))));

    RequestFloor.Floor floor = RequestFloor.of(from, to, false, 40, 25, 0.03);

    assertThat(floor.needed())
        .containsOnly(java.util.Map.entry("PatchUser", 2L), java.util.Map.entry("PatchGroup", 2L));
    assertThat(floor.neededReads()).isZero();
  }

  private static Set<String> ids(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "u" + i).collect(Collectors.toSet());
  }

  private static List<EmulatorState.User> users(int count, String title) {
    List<EmulatorState.User> users = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      users.add(user(i, title));
    }
    return users;
  }

  private static EmulatorState.User user(int i, String title) {
    ObjectNode json = JSON.createObjectNode().put("id", "u" + i).put("title", title);
    json.putObject("meta").put("lastModified", "2026-01-0" + (i % 9 + 1));
    return new EmulatorState.User("u" + i, "user" + i, "k" + i, true, json);
  }
}
