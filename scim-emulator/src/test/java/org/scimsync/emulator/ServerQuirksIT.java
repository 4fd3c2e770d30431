package org.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimsync.emulator.ScimHttp.filter;
import static org.scimsync.emulator.ScimHttp.group;
import static org.scimsync.emulator.ScimHttp.patchOp;
import static org.scimsync.emulator.ScimHttp.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The switchable quirks of real servers, on the RFC 7644 profile: one test per quirk. */
class ServerQuirksIT extends EmulatorTestBase {

  @Override
  ScimEmulator.Builder configure(ScimEmulator.Builder builder) {
    return builder.profile(EmulatorProfile.RFC7644);
  }

  private List<String> users(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(emulator.seedUser("quirk" + i, null));
    }
    return ids;
  }

  private static ArrayNode members(List<String> ids) {
    ArrayNode members = ScimHttp.JSON.createArrayNode();
    ids.forEach(id -> members.addObject().put("value", id));
    return members;
  }

  private static void assertBadRequest(ScimHttp.Answer answer, String detail) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.json().get("detail").asText()).isEqualTo(detail);
  }

  @Test
  void allQuirksAreOffByDefaultButAwsBlocksAPatchWithoutUserAgent() {
    assertThat(ScimEmulator.builder().profile(EmulatorProfile.RFC7644).build().quirks())
        .isEqualTo(ServerQuirks.none());
    assertThat(ScimEmulator.builder().build().quirks())
        .isEqualTo(ServerQuirks.none().withPatchNeedsUserAgent(true));
    assertThat(ServerQuirks.none())
        .isEqualTo(new ServerQuirks(false, false, false, 0, false, false, false));
  }

  @Test
  void membersRefusedOnCreate() {
    List<String> ids = users(2);
    emulator.quirks(ServerQuirks.none().withMembersRefusedOnCreate(true));

    assertBadRequest(
        scim.post("/Groups", group("Crew", ids.toArray(String[]::new))),
        "Managing members on updates are not supported");
    assertThat(emulator.snapshot().groups()).isEmpty();
    String id = scim.post("/Groups", group("Crew")).json().get("id").asText();
    assertThat(scim.patch("/Groups/" + id, patchOp("add", "members", members(ids))).status())
        .isEqualTo(200);
    assertThat(emulator.snapshot().group(id).orElseThrow().memberIds())
        .containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void memberLimitPerRequestOnCreateAndPatch() {
    List<String> ids = users(4);
    emulator.quirks(ServerQuirks.none().withMemberLimitPerRequest(3));

    assertBadRequest(
        scim.post("/Groups", group("Four", ids.toArray(String[]::new))),
        "One or more Group members are invalid");
    String id =
        scim.post("/Groups", group("Three", ids.subList(0, 3).toArray(String[]::new)))
            .json()
            .get("id")
            .asText();
    ArrayNode four = members(ids);
    ScimHttp.Answer patch = scim.patch("/Groups/" + id, patchOp("add", "members", four));
    assertBadRequest(patch, "One or more Group members are invalid");
    assertThat(emulator.snapshot().group(id).orElseThrow().memberIds()).hasSize(3);
    assertThat(
            scim.patch("/Groups/" + id, patchOp("add", "members", members(ids.subList(3, 4))))
                .status())
        .isEqualTo(200);
  }

  @Test
  void membershipsKeptAfterUserDelete() {
    List<String> ids = users(3);
    emulator.quirks(ServerQuirks.none().withMembershipsKeptAfterUserDelete(true));
    String id =
        scim.post("/Groups", group("Stale", ids.get(0), ids.get(1))).json().get("id").asText();

    assertThat(scim.delete("/Users/" + ids.get(0)).status()).isEqualTo(204);

    assertThat(scim.get("/Users/" + ids.get(0)).status()).isEqualTo(404);
    JsonNode read = scim.get("/Groups/" + id).json();
    assertThat(read.get("members").findValuesAsText("value"))
        .containsExactlyInAnyOrder(ids.get(0), ids.get(1));
    assertThat(
            scim.patch("/Groups/" + id, patchOp("add", "members", members(ids.subList(2, 3))))
                .status())
        .as("a stale member does not block other changes")
        .isEqualTo(200);
    assertThat(emulator.snapshot().group(id).orElseThrow().memberIds())
        .containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void externalIdIgnored() {
    emulator.quirks(ServerQuirks.none().withExternalIdIgnored(true));

    ScimHttp.Answer created = scim.post("/Users", user("xavier"));
    String id = created.json().get("id").asText();
    ScimHttp.Answer group = scim.post("/Groups", group("Ext").put("externalId", "g-ext"));
    String groupId = group.json().get("id").asText();

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().has("externalId")).isFalse();
    assertThat(scim.get("/Users/" + id).json().has("externalId")).isFalse();
    assertThat(
            scim.get("/Users?" + filter("externalId eq \"ext-xavier\""))
                .json()
                .get("totalResults")
                .asInt())
        .isZero();
    scim.patch("/Users/" + id, patchOp("add", "externalId", TextNode.valueOf("later")));
    assertThat(emulator.snapshot().user(id).orElseThrow().externalId()).isNull();
    assertThat(group.json().has("externalId")).isFalse();
    scim.patch("/Groups/" + groupId, patchOp("replace", "externalId", TextNode.valueOf("g-2")));
    assertThat(emulator.snapshot().group(groupId).orElseThrow().externalId()).isNull();
  }

  @Test
  void membersOnlyOnRequest() {
    List<String> ids = users(1);
    String id = emulator.seedGroup("Hidden", null, ids);
    emulator.quirks(ServerQuirks.none().withMembersOnlyOnRequest(true));

    JsonNode listed = scim.get("/Groups").json().get("Resources").get(0);
    JsonNode asked = scim.get("/Groups?attributes=displayName,members").json().get("Resources");
    JsonNode read = scim.get("/Groups/" + id).json();
    JsonNode readAsked = scim.get("/Groups/" + id + "?attributes=members").json();

    assertThat(listed.has("members")).isFalse();
    assertThat(read.has("members")).isFalse();
    assertThat(asked.get(0).get("members").findValuesAsText("value"))
        .containsExactlyElementsOf(ids);
    assertThat(readAsked.get("members").findValuesAsText("value")).containsExactlyElementsOf(ids);
    emulator.quirks(ServerQuirks.none());
    assertThat(scim.get("/Groups").json().get("Resources").get(0).get("members")).hasSize(1);
  }

  @Test
  void invalidQuirksAreRefused() {
    assertThatThrownBy(() -> ServerQuirks.none().withMemberLimitPerRequest(-1))
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("memberLimitPerRequest");
  }
}
