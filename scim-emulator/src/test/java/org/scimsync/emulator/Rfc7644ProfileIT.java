package org.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.emulator.ScimHttp.filter;
import static org.scimsync.emulator.ScimHttp.group;
import static org.scimsync.emulator.ScimHttp.patchOp;
import static org.scimsync.emulator.ScimHttp.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The lenient RFC 7644 profile: startIndex paging, readable members, PUT groups, full filters. */
class Rfc7644ProfileIT extends EmulatorTestBase {

  @Override
  ScimEmulator.Builder configure(ScimEmulator.Builder builder) {
    return builder.profile(EmulatorProfile.RFC7644);
  }

  @Test
  void acceptsWhatAwsRefusesButStillRequiresUserName() {
    ObjectNode body = user("free");
    body.putArray("photos").addObject().put("value", "https://example.com/p.png");
    body.withArray("emails").addObject().put("value", "second@example.com");
    body.remove("displayName");

    ScimHttp.Answer created = scim.post("/Users", body);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("photos")).hasSize(1);
    assertThat(created.json().get("emails")).hasSize(2);
    ObjectNode nameless = user("x");
    nameless.remove("userName");
    ScimHttp.Answer refused = scim.post("/Users", nameless);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("scimType").asText()).isEqualTo("invalidValue");
  }

  @Test
  void pagesWithStartIndexAndTotalResults() {
    for (int i = 0; i < 25; i++) {
      emulator.seedUser("p" + i, null);
    }

    JsonNode page = scim.get("/Users?startIndex=11&count=10").json();

    assertThat(page.get("totalResults").asInt()).isEqualTo(25);
    assertThat(page.get("startIndex").asInt()).isEqualTo(11);
    assertThat(page.get("itemsPerPage").asInt()).isEqualTo(10);
    assertThat(page.get("Resources").get(0).get("userName").asText()).isEqualTo("p10");
  }

  @Test
  void membersAreReadableAndPutReplacesTheGroup() {
    String a = emulator.seedUser("ma", null);
    String b = emulator.seedUser("mb", null);
    String id = scim.post("/Groups", group("Readers", a)).json().get("id").asText();

    assertThat(scim.get("/Groups/" + id).json().get("members").get(0).get("value").asText())
        .isEqualTo(a);
    ScimHttp.Answer put = scim.put("/Groups/" + id, group("Writers", b));
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().get("displayName").asText()).isEqualTo("Writers");
    assertThat(emulator.snapshot().group(id).orElseThrow().memberIds()).containsExactly(b);
  }

  @Test
  void replaceMembersIsAllowedAndPatchAnswersTheResource() {
    String a = emulator.seedUser("ra", null);
    String b = emulator.seedUser("rb", null);
    String id = emulator.seedGroup("Replaced", null, java.util.List.of(a));
    ArrayNode members = ScimHttp.JSON.createArrayNode();
    members.addObject().put("value", b);

    ScimHttp.Answer answer = scim.patch("/Groups/" + id, patchOp("replace", "members", members));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("members").get(0).get("value").asText()).isEqualTo(b);
    assertThat(emulator.snapshot().group(id).orElseThrow().memberIds()).containsExactly(b);
  }

  @Test
  void evaluatesFiltersBeyondEqAnd() {
    emulator.seedUser("alpha", null);
    emulator.seedUser("alpine", null);
    emulator.seedUser("beta", null);

    JsonNode startsWith = scim.get("/Users?" + filter("userName sw \"alp\"")).json();
    JsonNode either =
        scim.get("/Users?" + filter("userName eq \"alpha\" or userName eq \"beta\"")).json();
    JsonNode negated = scim.get("/Users?" + filter("not (userName co \"al\")")).json();

    assertThat(startsWith.get("totalResults").asInt()).isEqualTo(2);
    assertThat(either.get("totalResults").asInt()).isEqualTo(2);
    assertThat(negated.get("Resources").get(0).get("userName").asText()).isEqualTo("beta");
    assertThat(scim.get("/Users?" + filter("userName eq")).json().get("scimType").asText())
        .isEqualTo("invalidFilter");
  }

  @Test
  void unknownTenantIsUnauthorized() {
    ScimHttp otherTenant =
        new ScimHttp(
            java.net.URI.create(emulator.baseUri().toString().replace("t-emulator", "t-other")),
            "emulator-token");

    assertThat(otherTenant.get("/Users").status()).isEqualTo(401);
  }

  @Test
  void acceptsStringsTheIdentityStoreRefusesAndPathlessMultiAttributePatches() {
    ObjectNode body = user("nbsp");
    body.put("displayName", "No\u00a0Break\u200b").put("title", "");
    String id = scim.post("/Users", body).json().get("id").asText();
    ObjectNode two = ScimHttp.JSON.createObjectNode().put("nickName", "N").put("title", "T");

    assertThat(scim.patch("/Users/" + id, patchOp("replace", null, two)).status()).isEqualTo(200);
    assertThat(emulator.snapshot().user(id).orElseThrow().json().get("displayName").asText())
        .isEqualTo("No\u00a0Break\u200b");
    assertThat(scim.get("/Users/" + id).header("x-amzn-RequestId")).isEmpty();
  }

  @Test
  void nonAsciiFiltersWorkOnGroupsAndUsers() {
    emulator.seedGroup("Müller Team", null, java.util.List.of());
    emulator.seedUser("jürgen", null);

    JsonNode group = scim.get("/Groups?" + filter("displayName eq \"müller team\"")).json();
    JsonNode user = scim.get("/Users?" + filter("userName sw \"jü\"")).json();

    assertThat(group.get("totalResults").asInt()).isEqualTo(1);
    assertThat(user.get("Resources").get(0).get("userName").asText()).isEqualTo("jürgen");
  }
}
