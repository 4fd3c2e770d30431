package org.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.emulator.AwsUserRulesIT.assertAwsError;
import static org.scimsync.emulator.ScimHttp.group;
import static org.scimsync.emulator.ScimHttp.patchOp;
import static org.scimsync.emulator.ScimHttp.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Identity Store string rule {@code [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+} on every string of
 * users and groups: an empty string, a control, format or private-use character or a space other
 * than U+0020 fails the whole request with 400 "Request is unparsable".
 */
class AwsStringRuleIT extends EmulatorTestBase {
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String UNPARSABLE = "Request is unparsable";

  /** Sets one string of a user: a top-level, {@code name.x}, first-value or enterprise path. */
  private static ObjectNode with(ObjectNode user, String path, String value) {
    String[] parts = path.split("\\.", 2);
    switch (parts[0]) {
      case "name" -> ((ObjectNode) user.get("name")).put(parts[1], value);
      case "emails" -> ((ObjectNode) user.get("emails").get(0)).put(parts[1], value);
      case "phoneNumbers", "addresses", "roles" -> {
        ObjectNode first = user.putArray(parts[0]).addObject().put("type", "work");
        first.put(parts[1], value);
      }
      case "enterprise" -> {
        ObjectNode extension = user.putObject(ENTERPRISE);
        if (parts[1].equals("manager")) {
          extension.putObject("manager").put("value", value);
        } else {
          extension.put(parts[1], value);
        }
      }
      default -> user.put(path, value);
    }
    return user;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u00a0", // no-break space
        "\u2009", // thin space
        "\u2028", // line separator
        "\u200b", // zero-width space (format)
        "\u00ad", // soft hyphen (format)
        "\ufeff", // byte order mark (format)
        "\u0007", // bell (control)
        "\u001b", // escape (control)
        "\ue000" // private use
      })
  void refusesUserWithACharacterOutsideTheSet(String character) {
    ObjectNode body = with(user("ann"), "displayName", "Ann" + character + "Lee");

    assertAwsError(scim.post("/Users", body), 400, UNPARSABLE);
    assertThat(emulator.snapshot().users()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "userName",
        "externalId",
        "displayName",
        "nickName",
        "title",
        "userType",
        "locale",
        "name.familyName",
        "name.middleName",
        "emails.value",
        "emails.type",
        "phoneNumbers.value",
        "addresses.locality",
        "roles.value",
        "enterprise.department",
        "enterprise.costCenter",
        "enterprise.manager"
      })
  void appliesTheRuleToEveryStringAttribute(String path) {
    ObjectNode noBreak = with(user("bob"), path, "x\u00a0y");
    ObjectNode empty = with(user("bob"), path, "");

    assertAwsError(scim.post("/Users", noBreak), 400, UNPARSABLE);
    assertAwsError(scim.post("/Users", empty), 400, UNPARSABLE);
    assertThat(scim.post("/Users", with(user("bob"), path, "x y")).status()).isEqualTo(201);
  }

  @Test
  void acceptsLettersMarksSymbolsNumbersPunctuationAndTheFourWhitespaces() {
    String wide = "Zoë Ñúñez-O’Brien ☃ ½ € 日本 e\u0301\tA\r\nB";
    ObjectNode body = with(user("zoe"), "displayName", wide);
    with(body, "title", "«Chef» №1 ¿qué? 😀");

    ScimHttp.Answer created = scim.post("/Users", body);

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.json().get("displayName").asText()).isEqualTo(wide);
  }

  @Test
  void patchIntroducingARefusedCharacterChangesNothing() {
    String id = scim.post("/Users", user("cleo")).json().get("id").asText();

    assertAwsError(
        scim.patch("/Users/" + id, patchOp("replace", "title", TextNode.valueOf("Boss\u200b"))),
        400,
        UNPARSABLE);
    assertAwsError(
        scim.patch("/Users/" + id, patchOp("replace", "nickName", TextNode.valueOf(""))),
        400,
        UNPARSABLE);
    assertThat(emulator.snapshot().user(id).orElseThrow().json().has("title")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"displayName", "externalId"})
  void appliesTheRuleToGroupStrings(String attribute) {
    ObjectNode noBreak = group("Sales").put(attribute, "Sales\u00a0EU");
    ObjectNode empty = group("Sales").put(attribute, "");

    assertAwsError(scim.post("/Groups", noBreak), 400, UNPARSABLE);
    assertAwsError(scim.post("/Groups", empty), 400, UNPARSABLE);
    assertThat(emulator.snapshot().groups()).isEmpty();
  }

  @Test
  void groupRenameWithARefusedCharacterChangesNothing() {
    String id = scim.post("/Groups", group("Ops")).json().get("id").asText();

    assertAwsError(
        scim.patch(
            "/Groups/" + id, patchOp("replace", "displayName", TextNode.valueOf("Ops\t\u2009"))),
        400,
        UNPARSABLE);
    assertThat(emulator.snapshot().group(id).orElseThrow().displayName()).isEqualTo("Ops");
  }

  @Test
  void emptyMemberValueIsRefused() {
    String member = emulator.seedUser("dan", null);

    assertAwsError(scim.post("/Groups", group("Team", member, "")), 400, UNPARSABLE);
    String id = emulator.seedGroup("Team", null, List.of());
    var members = ScimHttp.JSON.createArrayNode();
    members.addObject().put("value", "");
    assertAwsError(
        scim.patch("/Groups/" + id, patchOp("add", "members", members)), 400, UNPARSABLE);
  }
}
