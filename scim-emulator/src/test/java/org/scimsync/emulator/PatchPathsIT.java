package org.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.emulator.ScimHttp.filter;
import static org.scimsync.emulator.ScimHttp.patchOp;
import static org.scimsync.emulator.ScimHttp.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PATCH paths beyond the simple ones, and the filters that read what they set. */
class PatchPathsIT extends EmulatorTestBase {
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private ObjectNode stored(String id) {
    return emulator.snapshot().user(id).orElseThrow().json();
  }

  @Test
  void pathlessReplaceMergesComplexAttributes() {
    String id = scim.post("/Users", user("amy")).json().get("id").asText();
    ObjectNode value = ScimHttp.JSON.createObjectNode();
    value.putObject("name").put("givenName", "Amelia");

    assertThat(scim.patch("/Users/" + id, patchOp("replace", null, value)).status()).isEqualTo(204);

    ObjectNode user = stored(id);
    assertThat(user.get("displayName").asText()).isEqualTo("Display amy");
    assertThat(user.get("name").get("givenName").asText()).isEqualTo("Amelia");
    assertThat(user.get("name").get("familyName").asText()).isEqualTo("Family");
  }

  @Test
  void valueFilterPathWithSubAttributeReplacesOneValue() {
    String id = scim.post("/Users", user("ben")).json().get("id").asText();

    ScimHttp.Answer answer =
        scim.patch(
            "/Users/" + id,
            patchOp("replace", "emails[type eq \"work\"].value", TextNode.valueOf("ben@new.org")));

    assertThat(answer.status()).isEqualTo(204);
    assertThat(stored(id).get("emails").get(0).get("value").asText()).isEqualTo("ben@new.org");
    assertThat(stored(id).get("emails").get(0).get("primary").asBoolean()).isTrue();
    assertThat(
            scim.patch(
                    "/Users/" + id,
                    patchOp("replace", "emails[type eq \"home\"].value", TextNode.valueOf("x@y.z")))
                .status())
        .isEqualTo(400);
  }

  @Test
  void managerIsSetThroughTheExtensionAndFilterable() {
    String boss = scim.post("/Users", user("boss")).json().get("id").asText();
    String id = scim.post("/Users", user("cleo")).json().get("id").asText();
    ObjectNode manager = ScimHttp.JSON.createObjectNode().put("value", boss);

    assertThat(
            scim.patch("/Users/" + id, patchOp("add", ENTERPRISE + ":manager", manager)).status())
        .isEqualTo(204);

    assertThat(stored(id).get(ENTERPRISE).get("manager").get("value").asText()).isEqualTo(boss);
    JsonNode found =
        scim.get("/Users?" + filter("id eq \"" + id + "\" and manager.value eq \"" + boss + "\""))
            .json();
    assertThat(found.get("totalResults").asInt()).isEqualTo(1);
    assertThat(
            scim.patch("/Users/" + id, patchOp("remove", ENTERPRISE + ":manager", null)).status())
        .isEqualTo(204);
    assertThat(stored(id).get(ENTERPRISE).has("manager")).isFalse();
  }

  @Test
  void usersOfAGroupAreFoundByGroupsValue() {
    String a = scim.post("/Users", user("dora")).json().get("id").asText();
    scim.post("/Users", user("eli"));
    String group = emulator.seedGroup("Only Dora", null, List.of(a));

    JsonNode found = scim.get("/Users?" + filter("groups.value eq \"" + group + "\"")).json();

    assertThat(found.get("totalResults").asInt()).isEqualTo(1);
    assertThat(found.get("Resources").get(0).get("id").asText()).isEqualTo(a);
  }

  @Test
  void groupPathlessReplaceRenamesAndExternalIdCanBeRemoved() {
    ObjectNode body = ScimHttp.group("Old");
    body.put("externalId", "src-1");
    String id = scim.post("/Groups", body).json().get("id").asText();
    ObjectNode rename =
        patchOp("replace", null, ScimHttp.JSON.createObjectNode().put("displayName", "New"));
    ((ArrayNode) rename.get("Operations"))
        .addObject()
        .put("op", "replace")
        .set("value", ScimHttp.JSON.createObjectNode().put("externalId", "src-2"));

    assertThat(scim.patch("/Groups/" + id, rename).status()).isEqualTo(204);
    assertThat(emulator.snapshot().group(id).orElseThrow().externalId()).isEqualTo("src-2");
    assertThat(
            scim.get("/Groups?" + filter("externalId eq \"src-2\""))
                .json()
                .get("totalResults")
                .asInt())
        .isEqualTo(1);
    assertThat(scim.patch("/Groups/" + id, patchOp("remove", "externalId", null)).status())
        .isEqualTo(204);

    EmulatorState.Group group = emulator.snapshot().group(id).orElseThrow();
    assertThat(group.displayName()).isEqualTo("New");
    assertThat(group.externalId()).isNull();
    assertThat(
            scim.get("/Groups?" + filter("displayName eq \"new\""))
                .json()
                .get("totalResults")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void patchBodyWithoutOperationsIsUnparsable() {
    String id = scim.post("/Users", user("finn")).json().get("id").asText();

    ScimHttp.Answer answer = scim.patch("/Users/" + id, "{\"schemas\":[],\"Operations\":[]}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("detail").asText()).contains("Request is unparsable");
    assertThat(scim.patch("/Users/" + id, patchOp("move", "title", TextNode.valueOf("x"))).status())
        .isEqualTo(400);
  }

  @Test
  void rfcProfilePatchAnswersTheUpdatedUser() {
    try (ScimEmulator rfc =
        ScimEmulator.builder().profile(EmulatorProfile.RFC7644).build().start()) {
      ScimHttp client = ScimHttp.of(rfc);
      String id = rfc.seedUser("gus", null);

      ScimHttp.Answer answer =
          client.patch("/Users/" + id, patchOp("replace", "title", TextNode.valueOf("Chief")));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().get("title").asText()).isEqualTo("Chief");
    }
  }
}
