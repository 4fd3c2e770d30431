package org.scimsync.state.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;

/** The resource last pushed per link: schema 2's column, its port methods and its migration. */
class PushedResourceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static ObjectNode resource(String userName, String title) {
    ObjectNode resource = JSON.createObjectNode();
    resource.put("userName", userName);
    resource.put("title", title);
    resource.putObject("name").put("givenName", "Ann").put("familyName", "Lee");
    return resource;
  }

  @Test
  void resourcesAreReadForTheAskedKeysOnlyAndStoredAsCanonicalJson() throws Exception {
    Path file = dir.resolve("state.db");
    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      store.saveLink(SqliteStateStoreTest.user("alice", "t-1"), resource("alice@x", "Engineer"));
      store.saveLink(SqliteStateStoreTest.user("bob", "t-2"), resource("bob@x", "Clerk"));
      store.saveLink(SqliteStateStoreTest.user("carol", "t-3"));
      ObjectNode group = JSON.createObjectNode().put("displayName", "Admins");
      store.saveLink(SqliteStateStoreTest.group("alice", "g-1"), group);

      Map<String, ObjectNode> users =
          store.pushedResources(ObjectKind.USER, List.of("alice", "carol", "nobody"));
      assertThat(users).containsOnlyKeys("alice");
      assertThat(users.get("alice")).isEqualTo(resource("alice@x", "Engineer"));
      assertThat(store.pushedResources(ObjectKind.GROUP, List.of("alice", "bob")))
          .containsExactly(Map.entry("alice", group));
      assertThat(store.pushedResources(ObjectKind.USER, List.of())).isEmpty();
    }
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThat(
              StateFileTest.query(
                  sqlite,
                  "SELECT pushed_resource FROM link WHERE kind = 'USER' AND source_key = 'alice'"))
          .containsExactly(
              "{\"name\":{\"familyName\":\"Lee\",\"givenName\":\"Ann\"},"
                  + "\"title\":\"Engineer\",\"userName\":\"alice@x\"}");
    }
  }

  @Test
  void aLinkSavedWithoutResourceKeepsItForTheSameTargetObjectOnly() {
    try (SqliteStateStore store = SqliteStateStore.openInMemory()) {
      store.saveLink(SqliteStateStoreTest.user("alice", "t-1"), resource("alice@x", "Engineer"));
      store.saveLink(SqliteStateStoreTest.user("bob", "t-2"), resource("bob@x", "Clerk"));

      store.saveLink(
          new Link(ObjectKind.USER, "alice", "t-1", "disabled", true, java.time.Instant.EPOCH));
      store.saveLink(SqliteStateStoreTest.user("bob", "t-9"));

      assertThat(store.pushedResources(ObjectKind.USER, List.of("alice", "bob")))
          .containsOnlyKeys("alice");
      assertThat(store.load().users().get("alice").disabled()).isTrue();
    }
  }

  @Test
  void aNewResourceReplacesTheOldAndDeletingTheLinkForgetsIt() {
    try (SqliteStateStore store = SqliteStateStore.openInMemory()) {
      store.saveLink(SqliteStateStoreTest.user("alice", "t-1"), resource("alice@x", "Engineer"));
      store.saveLink(SqliteStateStoreTest.user("alice", "t-1"), resource("alice@x", "Manager"));
      assertThat(store.pushedResources(ObjectKind.USER, List.of("alice")).get("alice"))
          .isEqualTo(resource("alice@x", "Manager"));

      store.deleteLink(ObjectKind.USER, "alice");
      store.saveLink(SqliteStateStoreTest.user("alice", "t-1"));

      assertThat(store.pushedResources(ObjectKind.USER, List.of("alice"))).isEmpty();
    }
  }

  @Test
  void thousandsOfKeysAreReadInOneCall() {
    try (SqliteStateStore store = SqliteStateStore.openInMemory()) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        keys.add("k" + i);
        if (i % 2 == 0) {
          store.saveLink(SqliteStateStoreTest.user("k" + i, "t-" + i), resource("u" + i, "T"));
        }
      }

      Map<String, ObjectNode> found = store.pushedResources(ObjectKind.USER, keys);

      assertThat(found).hasSize(2500).containsKey("k4998").doesNotContainKey("k4999");
      assertThat(found.get("k10").get("userName").asText()).isEqualTo("u10");
    }
  }

  @Test
  void anUnreadableResourceIsLeftOutSoTheObjectIsReadFromTheTarget() throws Exception {
    Path file = dir.resolve("state.db");
    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      store.saveLink(SqliteStateStoreTest.user("alice", "t-1"), resource("alice@x", "Engineer"));
      store.saveLink(SqliteStateStoreTest.user("bob", "t-2"), resource("bob@x", "Clerk"));
    }
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = sqlite.createStatement()) {
      statement.execute("UPDATE link SET pushed_resource = '{broken' WHERE source_key = 'alice'");
    }

    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      assertThat(store.pushedResources(ObjectKind.USER, List.of("alice", "bob")))
          .containsOnlyKeys("bob");
    }
  }

  @Test
  void aSchemaOneFileIsMigratedAndItsLinksHaveNoResource() throws Exception {
    Path file = dir.resolve("state.db");
    Flyway.configure()
        .dataSource("jdbc:sqlite:" + file, null, null)
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = sqlite.createStatement()) {
      statement.execute(
          "INSERT INTO link (kind, source_key, target_id, content_hash, disabled, synced_at)"
              + " VALUES ('USER', 'alice', 't-1', 'h', 0, '2026-11-23T10:15:30.123456789Z')");
    }

    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      assertThat(store.load().users()).containsOnlyKeys("alice");
      assertThat(store.pushedResources(ObjectKind.USER, List.of("alice"))).isEmpty();

      store.saveLink(SqliteStateStoreTest.user("alice", "t-1"), resource("alice@x", "Engineer"));
      assertThat(store.pushedResources(ObjectKind.USER, List.of("alice"))).containsKey("alice");
    }
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThat(
              StateFileTest.query(
                  sqlite, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
          .containsExactly("1", "2", "3", "4", "5");
    }
  }
}
