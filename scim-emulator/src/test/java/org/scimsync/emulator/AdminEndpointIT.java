package org.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.emulator.ScimHttp.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin endpoint: state with real members, reset, faults and statistics; and SCIM auth. */
class AdminEndpointIT extends EmulatorTestBase {
  ScimHttp admin;

  @Override
  ScimEmulator.Builder configure(ScimEmulator.Builder builder) {
    return builder.tenant("t-1234").token("s3cret");
  }

  @BeforeAll
  void clients() {
    scim = new ScimHttp(emulator.baseUri(), "s3cret");
    admin = new ScimHttp(emulator.adminUri(), null);
  }

  @Test
  void stateShowsTheRealMembersThatScimHides() {
    String userId = scim.post("/Users", user("ann")).json().get("id").asText();
    String groupId =
        scim.post("/Groups", ScimHttp.group("Admins", userId)).json().get("id").asText();

    JsonNode state = admin.get("/state").json();

    assertThat(state.get("counts").get("users").asInt()).isEqualTo(1);
    assertThat(state.get("counts").get("memberships").asInt()).isEqualTo(1);
    assertThat(state.get("users").get(0).get("userName").asText()).isEqualTo("ann");
    assertThat(state.get("groups").get(0).get("id").asText()).isEqualTo(groupId);
    assertThat(state.get("groups").get(0).get("members").get(0).asText()).isEqualTo(userId);
    assertThat(scim.get("/Groups/" + groupId).json().get("members")).isEmpty();
  }

  @Test
  void resetDropsAllData() {
    scim.post("/Users", user("bea"));

    assertThat(admin.post("/reset", "").status()).isEqualTo(204);

    assertThat(emulator.snapshot().users()).isEmpty();
    assertThat(admin.get("/state").json().get("users")).isEmpty();
  }

  @Test
  void faultsCanBeReadAndChangedAtRunTime() {
    ScimHttp.Answer changed =
        admin.put(
            "/faults",
            "{\"writesPerSecond\": 0.2, \"retryAfterHeader\": true, \"latencyMillis\": 5}");

    assertThat(changed.status()).isEqualTo(200);
    assertThat(emulator.faults().writesPerSecond()).isEqualTo(0.2);
    assertThat(emulator.faults().retryAfterHeader()).isTrue();
    assertThat(emulator.faults().latency().toMillis()).isEqualTo(5);
    assertThat(admin.get("/faults").json().get("writesPerSecond").asDouble()).isEqualTo(0.2);
    scim.post("/Users", user("c1"));
    assertThat(scim.post("/Users", user("c2")).status()).isEqualTo(429);
    assertThat(
            admin
                .put(
                    "/faults",
                    "{\"consistencyWindowMillis\": 250, \"concurrentModificationRatio\": 0.25}")
                .status())
        .isEqualTo(200);
    assertThat(emulator.faults().consistencyWindow().toMillis()).isEqualTo(250);
    assertThat(emulator.faults().concurrentModificationRatio()).isEqualTo(0.25);
    assertThat(emulator.faults().writesPerSecond()).as("kept").isEqualTo(0.2);
    assertThat(admin.get("/faults").json().get("consistencyWindowMillis").asLong()).isEqualTo(250);
    assertThat(admin.put("/faults", "{\"error500AfterRatio\": 2}").status()).isEqualTo(400);
    assertThat(admin.put("/faults", "{\"bogus\": 1}").status()).isEqualTo(400);
    assertThat(emulator.faults().error500AfterRatio()).isZero();
  }

  @Test
  void statsCountRequestsByApiAndStatusAndCanBeReset() {
    scim.post("/Users", user("dan"));
    scim.post("/Users", user("dan"));
    scim.get("/Users?cursor=");

    JsonNode stats = admin.get("/stats").json();

    assertThat(stats.get("byApiAndStatus").get("CreateUser").get("201").asInt()).isEqualTo(1);
    assertThat(stats.get("byApiAndStatus").get("CreateUser").get("409").asInt()).isEqualTo(1);
    assertThat(stats.get("byApiAndStatus").get("ListUsers").get("200").asInt()).isEqualTo(1);
    assertThat(emulator.stats().requests("CreateUser")).isEqualTo(2);
    assertThat(emulator.stats().successfulWrites()).isEqualTo(1);
    assertThat(emulator.stats().writes()).isEqualTo(2);
    assertThat(admin.delete("/stats").status()).isEqualTo(204);
    assertThat(emulator.stats().total()).isZero();
  }

  @Test
  void unknownAdminPathIs404() {
    assertThat(admin.get("/nothing").status()).isEqualTo(404);
  }

  @Test
  void scimNeedsTheBearerToken() {
    ScimHttp wrongToken = new ScimHttp(emulator.baseUri(), "wrong");
    ScimHttp noToken = new ScimHttp(emulator.baseUri(), null);

    for (ScimHttp client : List.of(wrongToken, noToken)) {
      ScimHttp.Answer answer = client.get("/Users");
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.json().get("status").asText()).isEqualTo("401");
      assertThat(answer.text()).doesNotContain("s3cret");
    }
    assertThat(scim.get("/Users").status()).isEqualTo(200);
    assertThat(emulator.stats().responses(401)).isEqualTo(2);
  }

  @Test
  void servesDiscoveryDocuments() {
    JsonNode config = scim.get("/ServiceProviderConfig").json();

    assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
    assertThat(config.get("bulk").get("supported").asBoolean()).isFalse();
    assertThat(config.get("filter").get("maxResults").asInt()).isEqualTo(50);
    assertThat(scim.get("/ResourceTypes").json().get("Resources")).hasSize(2);
    assertThat(scim.get("/Schemas").json().get("Resources")).hasSize(3);
    assertThat(scim.get("/Bulk").status()).isEqualTo(404);
  }

  @Test
  void baseUriHasTheTenantPath() {
    assertThat(emulator.baseUri().toString())
        .isEqualTo("http://127.0.0.1:" + emulator.port() + "/t-1234/scim/v2");
    assertThat(emulator.adminUri().getPath()).isEqualTo("/admin");
  }

  @Test
  void quirksCanBeReadAndChangedAtRunTime() {
    JsonNode initial = admin.get("/quirks").json();
    ScimHttp.Answer changed =
        admin.put("/quirks", "{\"membersRefusedOnCreate\": true, \"memberLimitPerRequest\": 7}");

    assertThat(initial.get("membersRefusedOnCreate").asBoolean()).isFalse();
    assertThat(initial.get("memberLimitPerRequest").asInt()).isZero();
    assertThat(changed.status()).as(changed.text()).isEqualTo(200);
    assertThat(emulator.quirks())
        .isEqualTo(
            ServerQuirks.none()
                .withPatchNeedsUserAgent(true)
                .withMembersRefusedOnCreate(true)
                .withMemberLimitPerRequest(7));
    assertThat(admin.get("/quirks").json().get("memberLimitPerRequest").asInt()).isEqualTo(7);
    String userId = emulator.seedUser("qa", null);
    assertThat(scim.post("/Groups", ScimHttp.group("Q", userId)).status()).isEqualTo(400);
    assertThat(admin.put("/quirks", "{\"memberLimitPerRequest\": -1}").status()).isEqualTo(400);
    assertThat(admin.put("/quirks", "{\"bogus\": true}").status()).isEqualTo(400);
    assertThat(admin.put("/quirks", "[]").status()).isEqualTo(400);
    assertThat(emulator.quirks().memberLimitPerRequest()).isEqualTo(7);
  }
}
