package org.scimsync.state.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;

/** The resource last pushed per link: schema 2's column, its port methods and its migration. */

/** The resource last pushed per link: schema 2's column, its port methods and its migration. */
public interface PushedResourceContract extends StateStoreFixture {

  ObjectMapper JSON = new ObjectMapper();

  static ObjectNode resource(String userName, String title) {
    ObjectNode resource = JSON.createObjectNode();
    resource.put("userName", userName);
    resource.put("title", title);
    resource.putObject("name").put("givenName", "Ann").put("familyName", "Lee");
    return resource;
  }

  @Test
  default void resourcesAreReadForTheAskedKeysOnlyAndStoredAsCanonicalJson() throws Exception {
    try (SqlStateStore store = reopen()) {
      store.saveLink(StateStoreFixture.user("alice", "t-1"), resource("alice@x", "Engineer"));
      store.saveLink(StateStoreFixture.user("bob", "t-2"), resource("bob@x", "Clerk"));
      store.saveLink(StateStoreFixture.user("carol", "t-3"));
      ObjectNode group = JSON.createObjectNode().put("displayName", "Admins");
      store.saveLink(StateStoreFixture.group("alice", "g-1"), group);

      Map<String, ObjectNode> users =
          store.pushedResources(ObjectKind.USER, List.of("alice", "carol", "nobody"));
      assertThat(users).containsOnlyKeys("alice");
      assertThat(users.get("alice")).isEqualTo(resource("alice@x", "Engineer"));
      assertThat(store.pushedResources(ObjectKind.GROUP, List.of("alice", "bob")))
          .containsExactly(Map.entry("alice", group));
      assertThat(store.pushedResources(ObjectKind.USER, List.of())).isEmpty();
    }
    try (Connection sqlite = connect()) {
      assertThat(
              StateStoreFixture.query(
                  sqlite,
                  "SELECT pushed_resource FROM link WHERE kind = 'USER' AND source_key = 'alice'"))
          .containsExactly(
              "{\"name\":{\"familyName\":\"Lee\",\"givenName\":\"Ann\"},"
                  + "\"title\":\"Engineer\",\"userName\":\"alice@x\"}");
    }
  }

  @Test
  default void aLinkSavedWithoutResourceKeepsItForTheSameTargetObjectOnly() {
    try (SqlStateStore store = reopen()) {
      store.saveLink(StateStoreFixture.user("alice", "t-1"), resource("alice@x", "Engineer"));
      store.saveLink(StateStoreFixture.user("bob", "t-2"), resource("bob@x", "Clerk"));

      store.saveLink(
          new Link(ObjectKind.USER, "alice", "t-1", "disabled", true, java.time.Instant.EPOCH));
      store.saveLink(StateStoreFixture.user("bob", "t-9"));

      assertThat(store.pushedResources(ObjectKind.USER, List.of("alice", "bob")))
          .containsOnlyKeys("alice");
      assertThat(store.load().users().get("alice").disabled()).isTrue();
    }
  }

  @Test
  default void aNewResourceReplacesTheOldAndDeletingTheLinkForgetsIt() {
    try (SqlStateStore store = reopen()) {
      store.saveLink(StateStoreFixture.user("alice", "t-1"), resource("alice@x", "Engineer"));
      store.saveLink(StateStoreFixture.user("alice", "t-1"), resource("alice@x", "Manager"));
      assertThat(store.pushedResources(ObjectKind.USER, List.of("alice")).get("alice"))
          .isEqualTo(resource("alice@x", "Manager"));

      store.deleteLink(ObjectKind.USER, "alice");
      store.saveLink(StateStoreFixture.user("alice", "t-1"));

      assertThat(store.pushedResources(ObjectKind.USER, List.of("alice"))).isEmpty();
    }
  }

  @Test
  default void thousandsOfKeysAreReadInOneCall() {
    try (SqlStateStore store = reopen()) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        keys.add("k" + i);
        if (i % 2 == 0) {
          store.saveLink(StateStoreFixture.user("k" + i, "t-" + i), resource("u" + i, "T"));
        }
      }

      Map<String, ObjectNode> found = store.pushedResources(ObjectKind.USER, keys);

      assertThat(found).hasSize(2500).containsKey("k4998").doesNotContainKey("k4999");
      assertThat(found.get("k10").get("userName").asText()).isEqualTo("u10");
    }
  }

  @Test
  default void anUnreadableResourceIsLeftOutSoTheObjectIsReadFromTheTarget() throws Exception {
    try (SqlStateStore store = reopen()) {
      store.saveLink(StateStoreFixture.user("alice", "t-1"), resource("alice@x", "Engineer"));
      store.saveLink(StateStoreFixture.user("bob", "t-2"), resource("bob@x", "Clerk"));
    }
    try (Connection sqlite = connect();
        Statement statement = sqlite.createStatement()) {
      statement.execute("UPDATE link SET pushed_resource = '{broken' WHERE source_key = 'alice'");
    }

    try (SqlStateStore store = reopen()) {
      assertThat(store.pushedResources(ObjectKind.USER, List.of("alice", "bob")))
          .containsOnlyKeys("bob");
    }
  }

  @Test
  default void aSchemaOneDatabaseIsMigratedAndItsLinksHaveNoResource() throws Exception {
    flyway().locations(dialect().migrations()).target("1").load().migrate();
    try (Connection sqlite = connect();
        Statement statement = sqlite.createStatement()) {
      statement.execute(
          "INSERT INTO link (kind, source_key, target_id, content_hash, disabled, synced_at)"
              + " VALUES ('USER', 'alice', 't-1', 'h', 0, '2026-11-23T10:15:30.123456789Z')");
    }

    try (SqlStateStore store = reopen()) {
      assertThat(store.load().users()).containsOnlyKeys("alice");
      assertThat(store.pushedResources(ObjectKind.USER, List.of("alice"))).isEmpty();

      store.saveLink(StateStoreFixture.user("alice", "t-1"), resource("alice@x", "Engineer"));
      assertThat(store.pushedResources(ObjectKind.USER, List.of("alice"))).containsKey("alice");
    }
    try (Connection sqlite = connect()) {
      assertThat(
              StateStoreFixture.query(
                  sqlite, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
          .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
    }
  }
}
