package org.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.emulator.ScimHttp.parse;
import static org.scimsync.emulator.ScimHttp.patchOp;
import static org.scimsync.emulator.ScimHttp.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each AWS Identity Center rule on users: the refusal with its exact status and body. */
class AwsUserRulesIT extends EmulatorTestBase {
  static final String DUPLICATE_BODY =
      "{\"schema\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
          + "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
          + "\"detail\":\"Refused to create a new, duplicate resource.\",\"status\":\"409\"}";

  @Override
  ScimEmulator.Builder configure(ScimEmulator.Builder builder) {
    return builder.tenant("t-1234");
  }

  /** The AWS body without its per-error parts ({@code exceptionRequestId}, {@code timeStamp}). */
  static ObjectNode withoutRequestId(ScimHttp.Answer answer) {
    ObjectNode body = (ObjectNode) answer.json().deepCopy();
    assertThat(body.path("exceptionRequestId").asText()).as(answer.text()).isNotEmpty();
    assertThat(body.path("timeStamp").asText()).as(answer.text()).isNotEmpty();
    body.remove(java.util.List.of("exceptionRequestId", "timeStamp"));
    return body;
  }

  /** A 409 with the AWS duplicate body. */
  static void assertDuplicate(ScimHttp.Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(409);
    assertThat(withoutRequestId(answer)).isEqualTo(parse(DUPLICATE_BODY));
  }

  static void assertAwsError(ScimHttp.Answer answer, int status, String detailPart) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.json().get("schemas").get(0).asText())
        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(answer.json().get("status").isTextual()).isTrue();
    assertThat(answer.json().get("status").asText()).isEqualTo(Integer.toString(status));
    assertThat(answer.json().has("scimType")).isFalse();
    assertThat(answer.json().get("detail").asText()).contains(detailPart);
  }

  @Test
  void createsUserAndReadsItBack() {
    ScimHttp.Answer created = scim.post("/Users", user("alice"));

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).hasValue("/t-1234/scim/v2/Users/" + id);
    assertThat(created.json().get("meta").get("resourceType").asText()).isEqualTo("User");
    ScimHttp.Answer read = scim.get("/Users/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("userName").asText()).isEqualTo("alice");
    assertThat(read.json().get("externalId").asText()).isEqualTo("ext-alice");
    assertThat(read.json().get("emails").get(0).get("value").asText())
        .isEqualTo("alice@example.com");
    assertThat(emulator.snapshot().user(id)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"userName", "displayName", "name.givenName", "name.familyName"})
  void refusesUserWithoutRequiredAttribute(String attribute) {
    ObjectNode body = user("bob");
    if (attribute.startsWith("name.")) {
      ((ObjectNode) body.get("name")).remove(attribute.substring(5));
    } else {
      body.remove(attribute);
    }

    assertAwsError(scim.post("/Users", body), 400, attribute);
    assertThat(emulator.snapshot().users()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"photos", "ims", "entitlements", "x509Certificates", "password", "groups", "foo"})
  void refusesUnsupportedAttribute(String attribute) {
    ObjectNode body = user("bob");
    if (attribute.equals("password")) {
      body.put(attribute, "secret");
    } else {
      body.putArray(attribute).addObject().put("value", "x");
    }

    assertAwsError(scim.post("/Users", body), 400, "'" + attribute + "' is not supported");
  }

  @Test
  void refusesDisplaySubAttribute() {
    ObjectNode body = user("bob");
    ((ObjectNode) body.get("emails").get(0)).put("display", "Bob");

    assertAwsError(scim.post("/Users", body), 400, "'display'");
  }

  @Test
  void refusesManagerDisplayName() {
    ObjectNode body = user("bob");
    body.putObject("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
        .putObject("manager")
        .put("value", "m-1")
        .put("displayName", "Boss");

    assertAwsError(scim.post("/Users", body), 400, "manager.displayName");
  }

  @Test
  void refusesMetaVersion() {
    ObjectNode body = user("bob");
    body.putObject("meta").put("version", "W/\"1\"");

    assertAwsError(scim.post("/Users", body), 400, "meta.version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"emails", "phoneNumbers", "addresses", "roles"})
  void refusesSecondValueOfMultiValuedAttribute(String attribute) {
    ObjectNode body = user("bob");
    var values = body.putArray(attribute);
    for (int i = 0; i < 2; i++) {
      ObjectNode value = values.addObject().put("type", i == 0 ? "work" : "home");
      if (attribute.equals("addresses")) {
        value.put("locality", "Town " + i);
      } else {
        value.put(
            "value", attribute.equals("phoneNumbers") ? "+1 555 000" + i : "v" + i + "@x.org");
      }
      if (attribute.equals("emails")) {
        value.put("primary", i == 0);
      }
    }

    assertAwsError(scim.post("/Users", body), 400, "Request is unparsable");
  }

  @Test
  void refusesEmailThatIsNotPrimary() {
    ObjectNode body = user("bob");
    ((ObjectNode) body.get("emails").get(0)).remove("primary");

    assertAwsError(scim.post("/Users", body), 400, "primary");
  }

  @Test
  void refusesDuplicateUserNameCaseInsensitivelyWithTheAwsBody() {
    assertThat(scim.post("/Users", user("carol")).status()).isEqualTo(201);
    ObjectNode other = user("CAROL");
    other.put("externalId", "other");
    ((ObjectNode) other.get("emails").get(0)).put("value", "other@example.com");

    ScimHttp.Answer answer = scim.post("/Users", other);

    assertDuplicate(answer);
    assertThat(answer.header("x-amzn-ErrorType")).hasValue("ConflictException");
  }

  @Test
  void refusesDuplicateExternalId() {
    assertThat(scim.post("/Users", user("dave")).status()).isEqualTo(201);
    ObjectNode other = user("dave2");
    other.put("externalId", "ext-dave");

    assertDuplicate(scim.post("/Users", other));
  }

  @Test
  void refusesDuplicateEmail() {
    assertThat(scim.post("/Users", user("erin")).status()).isEqualTo(201);
    ObjectNode other = user("erin2");
    ((ObjectNode) other.get("emails").get(0)).put("value", "ERIN@example.com");

    assertDuplicate(scim.post("/Users", other));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Administrator", "AWSAdministrators", "administrator"})
  void refusesReservedUserNames(String userName) {
    assertAwsError(scim.post("/Users", user(userName)), 400, "reserved");
  }

  @Test
  void limitsUserNameTo128Characters() {
    assertThat(scim.post("/Users", user("u".repeat(128))).status()).isEqualTo(201);
    assertAwsError(scim.post("/Users", user("v".repeat(129))), 400, "128");
  }

  @Test
  void limitsDisplayNameTo1024Characters() {
    ObjectNode body = user("frank");
    body.put("displayName", "d".repeat(1025));

    assertAwsError(scim.post("/Users", body), 400, "1024");
  }

  @ParameterizedTest
  @ValueSource(strings = {"8675309", "+1 (800) 123-4567", "call me maybe", "0800/12 34 ext. 5"})
  void acceptsFreeFormPhoneNumbers(String phone) {
    ObjectNode body = user("gina");
    body.putArray("phoneNumbers").addObject().put("value", phone).put("type", "work");

    ScimHttp.Answer created = scim.post("/Users", body);

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.json().get("phoneNumbers").get(0).get("value").asText()).isEqualTo(phone);
  }

  @Test
  void refusesWrongJsonType() {
    ObjectNode body = user("hank");
    body.put("active", "yes");

    assertAwsError(scim.post("/Users", body), 400, "boolean");
  }

  @Test
  void refusesUnparsableBody() {
    assertAwsError(scim.post("/Users", "{not json"), 400, "Request is unparsable");
  }

  @Test
  void putReplacesTheUserAndKeepsItsId() {
    String id = scim.post("/Users", user("ivy")).json().get("id").asText();
    ObjectNode replacement = user("ivy");
    replacement.put("displayName", "Ivy Renamed");
    replacement.remove("emails");

    ScimHttp.Answer answer = scim.put("/Users/" + id, replacement);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("id").asText()).isEqualTo(id);
    ObjectNode stored = emulator.snapshot().user(id).orElseThrow().json();
    assertThat(stored.get("displayName").asText()).isEqualTo("Ivy Renamed");
    assertThat(stored.has("emails")).isFalse();
    replacement.remove("displayName");
    assertAwsError(scim.put("/Users/" + id, replacement), 400, "displayName");
  }

  @Test
  void patchAnswers204AndChangesSimpleAndNestedAttributes() {
    String id = scim.post("/Users", user("jane")).json().get("id").asText();
    ObjectNode body = patchOp("replace", "name.givenName", TextNode.valueOf("Janet"));
    ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("Operations"))
        .addObject()
        .put("op", "replace")
        .put("path", "active")
        .put("value", false);
    ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("Operations"))
        .addObject()
        .put("op", "add")
        .put("path", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")
        .put("value", "Sales");

    ScimHttp.Answer answer = scim.patch("/Users/" + id, body);

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.text()).isEmpty();
    ObjectNode stored = emulator.snapshot().user(id).orElseThrow().json();
    assertThat(stored.get("name").get("givenName").asText()).isEqualTo("Janet");
    assertThat(stored.get("active").asBoolean()).isFalse();
    assertThat(
            stored
                .get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
                .get("department")
                .asText())
        .isEqualTo("Sales");
    assertThat(stored.get("schemas").toString()).contains("enterprise");
  }

  @Test
  void patchReplacesEmailsAndRemovesWithValueFilter() {
    String id = scim.post("/Users", user("kate")).json().get("id").asText();
    var emails = ScimHttp.JSON.createArrayNode();
    emails.addObject().put("value", "k@new.org").put("type", "work").put("primary", true);

    assertThat(scim.patch("/Users/" + id, patchOp("replace", "emails", emails)).status())
        .isEqualTo(204);
    assertThat(
            emulator
                .snapshot()
                .user(id)
                .orElseThrow()
                .json()
                .get("emails")
                .get(0)
                .get("value")
                .asText())
        .isEqualTo("k@new.org");
    assertThat(
            scim.patch("/Users/" + id, patchOp("remove", "emails[type eq \"work\"]", null))
                .status())
        .isEqualTo(204);
    assertThat(emulator.snapshot().user(id).orElseThrow().json().has("emails")).isFalse();
  }

  @Test
  void patchRemoveNeedsAPath() {
    String id = scim.post("/Users", user("liam")).json().get("id").asText();

    assertAwsError(scim.patch("/Users/" + id, patchOp("remove", null, null)), 400, "path");
  }

  @ParameterizedTest
  @ValueSource(strings = {"userName", "active"})
  void patchCannotRemoveUserNameOrActive(String attribute) {
    String id = scim.post("/Users", user("mia")).json().get("id").asText();

    assertAwsError(scim.patch("/Users/" + id, patchOp("remove", attribute, null)), 400, attribute);
    assertThat(emulator.snapshot().user(id).orElseThrow().json().has(attribute)).isTrue();
  }

  @Test
  void patchCannotNameUserNameTwice() {
    String id = scim.post("/Users", user("nora")).json().get("id").asText();
    ObjectNode body = patchOp("replace", "userName", TextNode.valueOf("nora1"));
    ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("Operations"))
        .addObject()
        .put("op", "replace")
        .put("path", "userName")
        .put("value", "nora2");

    assertAwsError(scim.patch("/Users/" + id, body), 400, "more than once");
    assertThat(emulator.snapshot().user(id).orElseThrow().userName()).isEqualTo("nora");
  }

  @Test
  void patchRefusesAttributesThatAreNotPatchable() {
    String id = scim.post("/Users", user("owen")).json().get("id").asText();

    assertAwsError(
        scim.patch("/Users/" + id, patchOp("add", "photos", ScimHttp.JSON.createArrayNode())),
        400,
        "photos");
  }

  @Test
  void patchThatRemovesARequiredAttributeIsRefused() {
    String id = scim.post("/Users", user("pia")).json().get("id").asText();

    assertAwsError(
        scim.patch("/Users/" + id, patchOp("remove", "displayName", null)), 400, "displayName");
  }

  @Test
  void patchToADuplicateUserNameIsAConflict() {
    scim.post("/Users", user("quinn"));
    String id = scim.post("/Users", user("rita")).json().get("id").asText();

    ScimHttp.Answer answer =
        scim.patch("/Users/" + id, patchOp("replace", "userName", TextNode.valueOf("Quinn")));

    assertDuplicate(answer);
  }

  @Test
  void deletedUserIsGone() {
    String id = scim.post("/Users", user("sam")).json().get("id").asText();

    assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);
    assertAwsError(scim.get("/Users/" + id), 404, id);
    assertAwsError(scim.delete("/Users/" + id), 404, id);
    assertAwsError(
        scim.patch("/Users/" + id, patchOp("replace", "displayName", TextNode.valueOf("x"))),
        404,
        id);
  }

  @Test
  void pathlessPatchMayChangeOneAttributeOnly() {
    String id = scim.post("/Users", user("tom")).json().get("id").asText();
    ObjectNode two =
        ScimHttp.JSON.createObjectNode().put("displayName", "Tom T").put("title", "Dr");

    assertAwsError(
        scim.patch("/Users/" + id, patchOp("add", null, two)),
        400,
        "omitting \"path\" attribute only for Add and Replace operations modifying a single");
    assertThat(emulator.snapshot().user(id).orElseThrow().json().has("title")).isFalse();
    two.remove("displayName");
    assertThat(scim.patch("/Users/" + id, patchOp("add", null, two)).status()).isEqualTo(204);
    assertThat(emulator.snapshot().user(id).orElseThrow().json().get("title").asText())
        .isEqualTo("Dr");
  }

  @Test
  void findsUsersByNonAsciiUserName() {
    String id = scim.post("/Users", user("jürgen.öztürk")).json().get("id").asText();

    ScimHttp.Answer found = scim.get("/Users?" + ScimHttp.filter("userName eq \"JÜRGEN.öztürk\""));

    assertThat(found.status()).as(found.text()).isEqualTo(200);
    assertThat(found.json().get("Resources").get(0).get("id").asText()).isEqualTo(id);
  }
}
