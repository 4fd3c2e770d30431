package org.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmulatorStateTest {

  @Test
  void lookupsFindUsersAndGroupsAndJsonIsACopy() {
    ObjectNode json = ScimHttp.user("Ann");
    EmulatorState state =
        new EmulatorState(
            List.of(new EmulatorState.User("u1", "Ann", "e1", true, json)),
            List.of(new EmulatorState.Group("g1", "Admins", "ge1", Set.of("u1"))));

    json.put("userName", "changed");
    state.user("u1").orElseThrow().json().put("userName", "changed too");

    assertThat(state.userByUserName("ANN")).isPresent();
    assertThat(state.userByExternalId("e1").orElseThrow().json().get("userName").asText())
        .isEqualTo("Ann");
    assertThat(state.groupByDisplayName("admins").orElseThrow().memberIds()).containsExactly("u1");
    assertThat(state.groupByExternalId("ge1")).isPresent();
    assertThat(state.membershipCount()).isEqualTo(1);
    assertThat(state.group("nope")).isEmpty();
  }

  @Test
  void statsSumPerApiAndStatus() {
    EmulatorStats stats =
        new EmulatorStats(
            Map.of(
                "CreateUser", Map.of(201, 3L, 429, 2L, 0, 1L),
                "ListUsers", Map.of(200, 5L, 429, 1L)));

    assertThat(stats.total()).isEqualTo(12);
    assertThat(stats.throttled()).isEqualTo(3);
    assertThat(stats.dropped()).isEqualTo(1);
    assertThat(stats.writes()).isEqualTo(6);
    assertThat(stats.successfulWrites()).isEqualTo(3);
    assertThat(stats.requests("ListUsers")).isEqualTo(6);
    assertThat(stats.byStatus()).containsEntry(429, 3L);
    assertThat(stats.byApi()).containsEntry("CreateUser", 6L);
  }
}
