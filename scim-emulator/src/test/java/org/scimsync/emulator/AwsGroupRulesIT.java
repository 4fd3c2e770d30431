package org.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.emulator.AwsUserRulesIT.assertAwsError;
import static org.scimsync.emulator.AwsUserRulesIT.assertDuplicate;
import static org.scimsync.emulator.ScimHttp.filter;
import static org.scimsync.emulator.ScimHttp.group;
import static org.scimsync.emulator.ScimHttp.patchOp;
import static org.scimsync.emulator.ScimHttp.user;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each AWS Identity Center rule on groups and memberships. */
class AwsGroupRulesIT extends EmulatorTestBase {

  private List<String> users(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(emulator.seedUser("member" + i, "ext-member" + i));
    }
    return ids;
  }

  private static ArrayNode members(List<String> ids) {
    ArrayNode members = ScimHttp.JSON.createArrayNode();
    ids.forEach(id -> members.addObject().put("value", id));
    return members;
  }

  @Test
  void createsGroupWithInlineMembersButNeverReturnsThem() {
    List<String> ids = users(3);

    ScimHttp.Answer created = scim.post("/Groups", group("Engineers", ids.toArray(String[]::new)));

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("members")).isEmpty();
    assertThat(scim.get("/Groups/" + id).json().get("members")).isEmpty();
    assertThat(scim.get("/Groups").json().get("Resources").get(0).get("members")).isEmpty();
    assertThat(emulator.snapshot().group(id).orElseThrow().memberIds())
        .containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void refusesGroupWithoutDisplayName() {
    ObjectNode body = group("x");
    body.remove("displayName");

    assertAwsError(scim.post("/Groups", body), 400, "displayName");
  }

  @Test
  void refusesUnsupportedGroupAttribute() {
    ObjectNode body = group("x");
    body.put("description", "nope");

    assertAwsError(scim.post("/Groups", body), 400, "description");
  }

  @Test
  void refusesMoreThan100InlineMembers() {
    List<String> ids = users(101);

    assertAwsError(
        scim.post("/Groups", group("Big", ids.toArray(String[]::new))), 400, "unparsable");
    assertThat(
            scim.post("/Groups", group("Big", ids.subList(0, 100).toArray(String[]::new))).status())
        .isEqualTo(201);
  }

  @Test
  void refusesDuplicateDisplayNameAndExternalIdWithTheAwsBody() {
    ObjectNode first = group("Sales");
    first.put("externalId", "g-1");
    assertThat(scim.post("/Groups", first).status()).isEqualTo(201);
    ObjectNode sameName = group("SALES");
    ObjectNode sameExternalId = group("Other");
    sameExternalId.put("externalId", "g-1");

    assertDuplicate(scim.post("/Groups", sameName));
    assertDuplicate(scim.post("/Groups", sameExternalId));
  }

  @Test
  void refusesPutOnGroups() {
    String id = scim.post("/Groups", group("Ops")).json().get("id").asText();

    assertAwsError(scim.put("/Groups/" + id, group("Ops2")), 400, "PUT");
    assertThat(emulator.snapshot().group(id).orElseThrow().displayName()).isEqualTo("Ops");
  }

  @Test
  void patchAddsAndRemovesMembersAndRenamesInPlace() {
    List<String> ids = users(3);
    String id = scim.post("/Groups", group("Team", ids.get(0))).json().get("id").asText();
    ObjectNode body = patchOp("add", "members", members(ids.subList(1, 3)));
    ArrayNode operations = (ArrayNode) body.get("Operations");
    operations
        .addObject()
        .put("op", "remove")
        .put("path", "members[value eq \"" + ids.get(0) + "\"]");
    operations.addObject().put("op", "replace").put("path", "displayName").put("value", "Team 2");

    ScimHttp.Answer answer = scim.patch("/Groups/" + id, body);

    assertThat(answer.status()).isEqualTo(204);
    EmulatorState.Group stored = emulator.snapshot().group(id).orElseThrow();
    assertThat(stored.memberIds()).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
    assertThat(stored.displayName()).isEqualTo("Team 2");
    assertThat(
            scim.patch("/Groups/" + id, patchOp("remove", "members", members(List.of(ids.get(1)))))
                .status())
        .isEqualTo(204);
    assertThat(emulator.snapshot().group(id).orElseThrow().memberIds()).containsExactly(ids.get(2));
  }

  @Test
  void patchRefusesMoreThan100MembershipChanges() {
    List<String> ids = users(101);
    String id = scim.post("/Groups", group("Many")).json().get("id").asText();

    assertAwsError(
        scim.patch("/Groups/" + id, patchOp("add", "members", members(ids))),
        400,
        "Request is unparsable");
    assertThat(emulator.snapshot().group(id).orElseThrow().memberIds()).isEmpty();
    assertThat(
            scim.patch("/Groups/" + id, patchOp("add", "members", members(ids.subList(0, 100))))
                .status())
        .isEqualTo(204);
  }

  @Test
  void patchRefusesReplacingMembers() {
    List<String> ids = users(1);
    String id = scim.post("/Groups", group("Fixed")).json().get("id").asText();

    assertAwsError(
        scim.patch("/Groups/" + id, patchOp("replace", "members", members(ids))),
        400,
        "Replacing group memberships is not supported.");
    assertAwsError(
        scim.patch("/Groups/" + id, patchOp("remove", "members", null)),
        400,
        "Replacing group memberships is not supported.");
  }

  @Test
  void patchWithUnknownMemberIsNotFoundAndChangesNothing() {
    String id = scim.post("/Groups", group("Ghosts")).json().get("id").asText();

    assertAwsError(
        scim.patch("/Groups/" + id, patchOp("add", "members", members(List.of("no-such-user")))),
        404,
        "no-such-user");
  }

  @Test
  void patchRenameToExistingNameIsAConflict() {
    scim.post("/Groups", group("A"));
    String id = scim.post("/Groups", group("B")).json().get("id").asText();

    assertDuplicate(
        scim.patch("/Groups/" + id, patchOp("replace", "displayName", TextNode.valueOf("a"))));
  }

  @Test
  void deletingAUserRemovesItsMemberships() {
    List<String> ids = users(2);
    String id =
        scim.post("/Groups", group("Leavers", ids.toArray(String[]::new)))
            .json()
            .get("id")
            .asText();

    assertThat(scim.delete("/Users/" + ids.get(0)).status()).isEqualTo(204);

    assertThat(emulator.snapshot().group(id).orElseThrow().memberIds()).containsExactly(ids.get(1));
    assertAwsError(
        scim.get("/Groups?" + filter("members.value eq \"" + ids.get(0) + "\"")), 404, ids.get(0));
  }

  @Test
  void membershipFiltersFindGroupsOfAUserAndOnePair() {
    List<String> ids = users(2);
    String a = scim.post("/Groups", group("GA", ids.get(0))).json().get("id").asText();
    String b = scim.post("/Groups", group("GB", ids.get(0), ids.get(1))).json().get("id").asText();

    ScimHttp.Answer ofUser =
        scim.get("/Groups?" + filter("members.value eq \"" + ids.get(0) + "\""));
    ScimHttp.Answer pair =
        scim.get("/Groups?" + filter("id eq \"" + a + "\" and members eq \"" + ids.get(1) + "\""));
    ScimHttp.Answer pairHit =
        scim.get("/Groups?" + filter("id eq \"" + b + "\" and members eq \"" + ids.get(1) + "\""));

    assertThat(ofUser.status()).isEqualTo(200);
    assertThat(ofUser.json().get("totalResults").asInt()).isEqualTo(2);
    assertThat(pair.json().get("totalResults").asInt()).isZero();
    assertThat(pairHit.json().get("Resources").get(0).get("id").asText()).isEqualTo(b);
    assertThat(pairHit.json().get("Resources").get(0).get("members")).isEmpty();
  }

  @Test
  void deletedGroupIsGone() {
    String id = scim.post("/Groups", group("Temp")).json().get("id").asText();

    assertThat(scim.delete("/Groups/" + id).status()).isEqualTo(204);
    assertAwsError(scim.get("/Groups/" + id), 404, id);
  }

  @Test
  void seedsUsersAndGroupsDirectlyWithoutCountingRequests() {
    String userId = emulator.seedUser(user("AWSControlTowerAdmin"));
    String groupId = emulator.seedGroup("AWSControlTowerAdmins", null, List.of(userId));

    assertThat(emulator.stats().total()).isZero();
    assertThat(scim.get("/Users/" + userId).json().get("userName").asText())
        .isEqualTo("AWSControlTowerAdmin");
    assertThat(emulator.snapshot().group(groupId).orElseThrow().memberIds())
        .containsExactly(userId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Administrator", "AWSAdministrators", "awsadministrators"})
  void refusesReservedGroupNames(String displayName) {
    String id = scim.post("/Groups", group("Admins")).json().get("id").asText();

    assertAwsError(scim.post("/Groups", group(displayName)), 400, "reserved");
    assertAwsError(
        scim.patch(
            "/Groups/" + id, patchOp("replace", "displayName", TextNode.valueOf(displayName))),
        400,
        "reserved");
    assertThat(emulator.snapshot().groups())
        .extracting(EmulatorState.Group::displayName)
        .containsExactly("Admins");
  }

  @Test
  void pathlessPatchMayChangeOneAttributeOnly() {
    String id = scim.post("/Groups", group("Solo")).json().get("id").asText();
    ObjectNode two =
        ScimHttp.JSON.createObjectNode().put("displayName", "Duo").put("externalId", "g-2");

    assertAwsError(
        scim.patch("/Groups/" + id, patchOp("replace", null, two)),
        400,
        "omitting \"path\" attribute only for Add and Replace operations modifying a single");
    assertThat(emulator.snapshot().group(id).orElseThrow().displayName()).isEqualTo("Solo");
    two.remove("externalId");
    assertThat(scim.patch("/Groups/" + id, patchOp("replace", null, two)).status()).isEqualTo(204);
  }

  @Test
  void displayNameFilterWithNonAsciiCharactersIsAnInvalidFilter() {
    emulator.seedGroup("Müller Team", null, List.of());
    emulator.seedGroup("Muller Team", null, List.of());

    assertAwsError(
        scim.get("/Groups?" + filter("displayName eq \"Müller Team\"")), 400, "Invalid filter");
    assertThat(
            scim.get("/Groups?" + filter("displayName eq \"Muller Team\""))
                .json()
                .get("totalResults")
                .asInt())
        .isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"members.value eq \"\"", "id eq \"%s\" and members eq \"\""})
  void emptyMemberIdInAFilterIsABadRequest(String expression) {
    String id = emulator.seedGroup("Any", null, List.of());

    assertAwsError(scim.get("/Groups?" + filter(expression.formatted(id))), 400, "member id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"description", "meta", "members.display"})
  void patchMayTargetOnlyDisplayNameMembersAndExternalId(String path) {
    String id = scim.post("/Groups", group("Narrow")).json().get("id").asText();

    ScimHttp.Answer answer =
        scim.patch("/Groups/" + id, patchOp("add", path, TextNode.valueOf("x")));

    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.json().get("status").asText()).isEqualTo("400");
    assertThat(emulator.snapshot().group(id).orElseThrow().displayName()).isEqualTo("Narrow");
  }
}
