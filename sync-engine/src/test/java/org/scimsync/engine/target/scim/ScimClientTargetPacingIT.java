package org.scimsync.engine.target.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.scimsync.emulator.FaultSettings;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.engine.target.ResponseWatcher;
import org.scimsync.engine.target.TargetPacing;
import org.scimsync.engine.target.TargetUser;

/**
 * The adapter tells the executor the client's pacing and the round trip of every attempt, writes on
 * the thread that sent them (list pages may be fetched ahead on a thread of the client's own).
 */
class ScimClientTargetPacingIT {

  private static final String TOKEN = "pacing-it-token-not-a-secret";

  private ScimEmulator emulator;
  private ScimClient client;

  @BeforeEach
  void start() {
    emulator =
        ScimEmulator.builder()
            .profile(EmulatorProfile.AWS_IDENTITY_CENTER)
            .port(0)
            .token(TOKEN)
            .faults(FaultSettings.none().withLatency(Duration.ofMillis(40)))
            .build()
            .start();
    client =
        ScimClient.create(
            ScimClientConfig.builder(
                    emulator.baseUri(), Secret.of(TOKEN), TargetProfile.AWS_IDENTITY_CENTER)
                .rateLimits(new RateLimits(160, 100))
                .maxConcurrency(12)
                .build());
  }

  @AfterEach
  void stop() {
    client.close();
    emulator.close();
  }

  private ObjectNode user(String name) {
    ObjectNode user = client.objectMapper().createObjectNode();
    user.put("userName", name + "@example.org").put("displayName", name);
    user.putObject("name").put("givenName", name).put("familyName", "Example");
    user.putArray("emails").addObject().put("value", name + "@example.org").put("primary", true);
    return user;
  }

  @Test
  void tellsTheWriteRateAndTheCap() {
    assertThat(new ScimClientTarget(client).pacing()).isEqualTo(new TargetPacing(100, 12));
  }

  @Test
  void tellsEveryAttemptOnTheCallingThreadUntilClosed() {
    ScimClientTarget target = new ScimClientTarget(client);
    List<String> seen = new CopyOnWriteArrayList<>();
    List<Duration> roundTrips = new CopyOnWriteArrayList<>();
    Thread caller = Thread.currentThread();
    ResponseWatcher watcher =
        (status, roundTrip) -> {
          seen.add(status + (Thread.currentThread() == caller ? " here" : " elsewhere"));
          roundTrips.add(roundTrip);
        };

    try (ResponseWatcher.Subscription watching = target.watchResponses(watcher)) {
      target.createUser(user("ann"), "k-ann");
    }
    target.createUser(user("bob"), "k-bob");
    try (Stream<TargetUser> users = target.users()) {
      assertThat(users.toList()).hasSize(2);
    }

    assertThat(seen).containsExactly("201 here");
    assertThat(roundTrips)
        .singleElement()
        .satisfies(rtt -> assertThat(rtt).isGreaterThanOrEqualTo(Duration.ofMillis(40)));
  }
}
