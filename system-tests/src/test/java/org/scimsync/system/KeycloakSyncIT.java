package org.scimsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.client.KnownCapability;
import org.scimsync.client.RateLimits;
import org.scimsync.client.RequestListener;
import org.scimsync.client.ScimClient;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetAuth;
import org.scimsync.client.TargetProfile;
import org.scimsync.common.Secret;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.target.scim.ScimClientTarget;
import org.scimsync.engine.testing.ListDirectorySource;
import org.scimsync.engine.testing.SimpleMapper;
import org.scimsync.state.sqlite.SqliteStateStore;

/**
 * The generic profile against a real Keycloak 26 SCIM API, through a strict front that refuses
 * chunked bodies, authenticated with OAuth 2.0 client credentials at Keycloak's own token endpoint
 * with tokens shorter-lived than the run. Keycloak takes no members on create, does not keep a
 * user's {@code externalId} or {@code displayName}, writes {@code name.formatted} itself and shows
 * members only when asked for them: the profile learns all of it, with no Keycloak switch in the
 * code.
 */
class KeycloakSyncIT {

  private static final String CLIENT = "scim-sync";
  private static final String SECRET = "it-client-secret-not-a-secret";
  private static final Duration TOKEN_LIFESPAN = Duration.ofSeconds(3);
  private static final int USERS = 16;
  private static final Set<String> WRITES =
      Set.of(
          "CreateUser",
          "PutUser",
          "PatchUser",
          "DeleteUser",
          "CreateGroup",
          "PutGroup",
          "PatchGroup",
          "DeleteGroup");

  @TempDir Path dir;

  private final ListDirectorySource source = new ListDirectorySource();
  private final AtomicInteger writes = new AtomicInteger();
  private final AtomicInteger unauthorized = new AtomicInteger();
  private final SyncPolicy policy =
      new SyncPolicy(
          SyncPolicy.UserDeprovision.DELETE,
          SyncPolicy.GroupDeprovision.DELETE,
          10,
          50,
          Duration.ofHours(6),
          4);
  private StrictFront front;
  private ScimClient client;
  private SqliteStateStore store;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
      store.close();
    }
    if (front != null) {
      front.close();
    }
  }

  @Test
  void convergesOnKeycloakThroughAStrictFrontWithTokensShorterThanTheRun() throws Exception {
    KeycloakServer keycloak = KeycloakServer.get();
    String realm = "scim-sync-it";
    front = StrictFront.before(keycloak.base());
    URI scim = keycloak.scimBase(realm);
    URI viaFront = front.front(scim);
    keycloak.createRealm(realm, CLIENT, SECRET, TOKEN_LIFESPAN, List.of(scim, viaFront));
    RequestListener listener =
        (api, status, elapsed) -> {
          if (WRITES.contains(api)) {
            writes.incrementAndGet();
          }
          if (status == 401) {
            unauthorized.incrementAndGet();
          }
        };
    client =
        ScimClient.create(
            ScimClientConfig.builder(
                    viaFront,
                    new TargetAuth.OAuth2ClientCredentials(
                        keycloak.tokenUrl(realm), CLIENT, Secret.of(SECRET), null, null),
                    TargetProfile.GENERIC)
                // slow enough for the first run to outlive a token
                .rateLimits(new RateLimits(50, 3))
                .listener(listener)
                .build());
    store = SqliteStateStore.open(dir.resolve("state.db"));
    for (int i = 0; i < USERS; i++) {
      source.user("k" + i, "kc-user" + i + "@example.org", "Given" + i, "Family" + i);
    }
    source.group("g-all", "kc-all", members(i -> true));
    source.group("g-even", "kc-even", members(i -> i % 2 == 0));
    source.group("g-small", "kc-small", members(i -> i < 3));

    long started = System.nanoTime();
    RunReport first = full();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    System.out.println("first run against Keycloak took " + took.toMillis() + " ms");
    assertThat(first.status()).as(first.toText()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(took).as("the run outlives a token").isGreaterThan(TOKEN_LIFESPAN);
    assertThat(unauthorized).hasValue(0);
    String token = keycloak.clientToken(realm, CLIENT, SECRET);
    assertMembers(keycloak, realm, token);
    String smallId = groupId(keycloak, realm, token, "kc-small");

    source.group("g-small", "kc-small-renamed", members(i -> i < 3));
    source.group("g-even", "kc-even", members(i -> i % 2 == 0 && i != 4));
    source.removeUser("k5");
    RunReport second = full();
    assertThat(second.status()).as(second.toText()).isEqualTo(RunStatus.SUCCEEDED);
    token = keycloak.clientToken(realm, CLIENT, SECRET);
    assertThat(groupId(keycloak, realm, token, "kc-small-renamed")).isEqualTo(smallId);
    assertThat(
            keycloak
                .scimGet(realm, token, "Users?filter=userName%20eq%20%22kc-user5@example.org%22")
                .path("totalResults")
                .asInt())
        .isZero();
    assertMembers(keycloak, realm, token);

    writes.set(0);
    RunReport third = full();
    assertThat(third.plan().changes()).as(third.toText()).isEmpty();
    assertThat(writes).hasValue(0);
    assertThat(front.refused()).as("no chunked body reached the front").isZero();
    assertThat(front.passed()).isPositive();
    RunReport verified = run(SyncOptions.of("it").withFull(true).withVerifyMembers(true));
    assertThat(verified.plan().changes()).as(verified.toText()).isEmpty();
    // Keycloak shows members only when asked (its Group schema says so): the client asks.
    String ann =
        keycloak
            .scimGet(realm, token, "Users?filter=userName%20eq%20%22kc-user1@example.org%22")
            .path("Resources")
            .get(0)
            .path("id")
            .asText();
    assertThat(client.isMember(smallId, ann)).isTrue();
    assertThat(client.capabilities())
        .extracting(KnownCapability::toString)
        .contains("membersOnRequest: true (announced by the target)");
    assertThat(store.targetCapabilities())
        .containsEntry("membersOnCreate", "false")
        .hasEntrySatisfying(
            "userAttributesNotKept", paths -> assertThat(paths).contains("externalId"));
  }

  private RunReport full() {
    return run(SyncOptions.of("it").withFull(true).withAllowDeletes(true));
  }

  private RunReport run(SyncOptions options) {
    return new SyncEngine(
            source,
            new SimpleMapper(),
            new ScimClientTarget(client),
            store,
            policy,
            Clock.systemUTC())
        .run(options);
  }

  private String groupId(KeycloakServer keycloak, String realm, String token, String name)
      throws Exception {
    JsonNode found =
        keycloak.scimGet(realm, token, "Groups?filter=displayName%20eq%20%22" + name + "%22");
    assertThat(found.path("totalResults").asInt()).as("groups named " + name).isEqualTo(1);
    return found.path("Resources").get(0).path("id").asText();
  }

  /** Compares every group's members in Keycloak, read with {@code attributes=members}. */
  private void assertMembers(KeycloakServer keycloak, String realm, String token) throws Exception {
    for (var group : source.read().groups()) {
      String id = groupId(keycloak, realm, token, group.name());
      JsonNode read = keycloak.scimGet(realm, token, "Groups/" + id + "?attributes=members");
      Set<String> actual = new HashSet<>();
      read.path("members").forEach(m -> actual.add(m.path("display").asText()));
      Set<String> expected = new HashSet<>();
      for (String key : group.memberKeys()) {
        if (source.read().users().stream().anyMatch(u -> u.key().equals(key))) {
          expected.add("kc-user" + key.substring(1) + "@example.org");
        }
      }
      assertThat(actual).as("members of " + group.name()).isEqualTo(expected);
    }
  }

  private static List<String> members(IntPredicate member) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      if (member.test(i)) {
        keys.add("k" + i);
      }
    }
    return keys;
  }
}
