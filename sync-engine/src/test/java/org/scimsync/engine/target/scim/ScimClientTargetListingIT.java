package org.scimsync.engine.target.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.client.RateLimits;
import org.scimsync.client.ScimClient;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetProfile;
import org.scimsync.common.Secret;
import org.scimsync.emulator.EmulatorProfile;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.engine.target.TargetException;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;

/**
 * The adapter's full listing against the emulator: every page, straight into trees that hold what
 * the typed path held (less meta and schemas), with failures translated.
 */
class ScimClientTargetListingIT {

  private static final String TOKEN = "it-token-not-a-secret";
  private static final int USERS = 230;

  private ScimEmulator emulator;
  private ScimClient client;

  @BeforeEach
  void start() {
    emulator =
        ScimEmulator.builder()
            .profile(EmulatorProfile.AWS_IDENTITY_CENTER)
            .port(0)
            .token(TOKEN)
            .build()
            .start();
    client = client(TOKEN);
    for (int i = 0; i < USERS; i++) {
      emulator.seedUser("user" + i + "@example.org", i % 2 == 0 ? "k" + i : null);
    }
    emulator.seedGroup("aws-admins", "g1", List.of());
  }

  @AfterEach
  void stop() {
    client.close();
    emulator.close();
  }

  private ScimClient client(String token) {
    return ScimClient.create(
        ScimClientConfig.builder(
                emulator.baseUri(), Secret.of(token), TargetProfile.AWS_IDENTITY_CENTER)
            .rateLimits(new RateLimits(0, 0))
            .build());
  }

  @Test
  void listsEveryUserAsTheTreeTheTypedClientWouldHaveGivenLessMetaAndSchemas() {
    emulator.resetStats();
    List<TargetUser> users;
    try (Stream<TargetUser> listed = new ScimClientTarget(client).users()) {
      users = listed.toList();
    }
    assertThat(emulator.stats().requests("ListUsers")).isGreaterThanOrEqualTo(3);
    Map<String, ObjectNode> typed =
        client
            .listUsers()
            .collect(
                Collectors.toMap(
                    u -> u.getId(), u -> (ObjectNode) client.objectMapper().valueToTree(u)));

    assertThat(users).hasSize(USERS);
    assertThat(users)
        .allSatisfy(
            user -> {
              assertThat(user.resource().has("meta")).isFalse();
              assertThat(user.resource().has("schemas")).isFalse();
              ObjectNode expected = typed.get(user.id()).deepCopy();
              expected.remove(List.of("meta", "schemas"));
              assertThat(user.resource()).isEqualTo(expected);
              assertThat(user.userName()).isEqualTo(expected.get("userName").asText());
            });
    Map<String, TargetUser> byName =
        users.stream().collect(Collectors.toMap(TargetUser::userName, Function.identity()));
    assertThat(byName.get("user0@example.org").externalId()).isEqualTo("k0");
    assertThat(byName.get("user1@example.org").externalId()).isNull();
  }

  @Test
  void listsGroupsAsTrees() {
    List<TargetGroup> groups;
    try (Stream<TargetGroup> listed = new ScimClientTarget(client).groups()) {
      groups = listed.toList();
    }

    assertThat(groups)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.displayName()).isEqualTo("aws-admins");
              assertThat(g.externalId()).isEqualTo("g1");
              assertThat(g.resource().has("meta")).isFalse();
            });
  }

  @Test
  void aRefusedListingIsATargetException() {
    try (ScimClient refused = client("wrong-token")) {
      assertThatThrownBy(
              () -> {
                try (Stream<TargetUser> listed = new ScimClientTarget(refused).users()) {
                  listed.toList();
                }
              })
          .isInstanceOfSatisfying(
              TargetException.class,
              e -> assertThat(e.kind()).isEqualTo(TargetException.Kind.UNAUTHORIZED));
    }
  }
}
