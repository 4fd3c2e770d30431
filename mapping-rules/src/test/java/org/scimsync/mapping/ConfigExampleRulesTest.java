package org.scimsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ConfigExampleRulesTest {

  private final MappingRules rules = ConfigExample.rules(SanitizerProfile.AWS_IDENTITY_CENTER);

  private static ObjectNode mapped(MappingResult result) {
    assertThat(result).isInstanceOf(MappingResult.Mapped.class);
    return ((MappingResult.Mapped) result).resource();
  }

  @Test
  void mapsACompleteUserToCanonicalScimJson() {
    MappingResult result = rules.mapUser(ConfigExample.ada());

    assertThat(mapped(result).toString())
        .isEqualTo(
            "{\"active\":true,"
                + "\"displayName\":\"Ada Lovelace\","
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"ada@example.com\"}],"
                + "\"name\":{\"familyName\":\"Lovelace\",\"givenName\":\"Ada\"},"
                + "\"title\":\"Analyst\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":"
                + "{\"department\":\"R&D\",\"employeeNumber\":\"1815\"},"
                + "\"userName\":\"ada@example.com\"}");
    assertThat(((MappingResult.Mapped) result).warnings()).isEmpty();
  }

  @Test
  void excludesAUserWithoutMail() {
    MappingResult result =
        rules.mapUser(TestEntry.entry("k").with("givenName", "No").with("sn", "Mail"));

    assertThat(result).isEqualTo(new MappingResult.Excluded("users.include is false"));
  }

  @Test
  void composesTheDisplayNameWhenTheDirectoryHasNone() {
    TestEntry user =
        TestEntry.entry("k")
            .with("mail", "g@example.com")
            .with("givenName", "Grace")
            .with("sn", "Hopper");

    assertThat(mapped(rules.mapUser(user)).get("displayName").asText()).isEqualTo("Grace Hopper");
  }

  @Test
  void fallsBackToCnForTheGivenName() {
    TestEntry user =
        TestEntry.entry("k")
            .with("mail", "h@example.com")
            .with("displayName", "Hedy Lamarr")
            .with("cn", "Hedy")
            .with("sn", "Lamarr");

    assertThat(mapped(rules.mapUser(user)).at("/name/givenName").asText()).isEqualTo("Hedy");
  }

  @Test
  void rejectsOnlyTheUserWhoseDisplayNameExpressionHitsNull() {
    TestEntry noSurname =
        TestEntry.entry("k1").with("mail", "x@example.com").with("givenName", "X");

    MappingResult rejected = rules.mapUser(noSurname);
    MappingResult fine = rules.mapUser(ConfigExample.ada());

    assertThat(rejected).isInstanceOf(MappingResult.Rejected.class);
    assertThat(((MappingResult.Rejected) rejected).reason())
        .isEqualTo("users.map.displayName: null operand for '+' at column 45 (in 'user.sn')");
    assertThat(fine).isInstanceOf(MappingResult.Mapped.class);
  }

  @Test
  void disabledEmployeesAreInactive() {
    TestEntry user = ConfigExample.ada();
    user.with("employeeType", "ignored-second-value");
    TestEntry disabled =
        TestEntry.entry("k")
            .with("mail", "d@example.com")
            .with("displayName", "D")
            .with("givenName", "D")
            .with("sn", "D")
            .with("employeeType", "disabled");

    assertThat(mapped(rules.mapUser(disabled)).get("active").booleanValue()).isFalse();
    assertThat(mapped(rules.mapUser(user)).get("active").booleanValue()).isTrue();
  }

  @Test
  void leavesOutAttributesWithoutValue() {
    TestEntry user =
        TestEntry.entry("k").with("mail", "m@example.com").with("givenName", "M").with("sn", "N");

    ObjectNode resource = mapped(rules.mapUser(user));

    assertThat(resource.has("title")).isFalse();
    assertThat(resource.has("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"))
        .isFalse();
  }

  @Test
  void groupsAreInScopeWhenTheirNameStartsWithThePrefix() {
    MappingResult aws = rules.mapGroup(TestEntry.entry("g1").with("cn", "aws-admins"));
    MappingResult other = rules.mapGroup(TestEntry.entry("g2").with("cn", "staff"));

    assertThat(mapped(aws).toString()).isEqualTo("{\"displayName\":\"aws-admins\"}");
    assertThat(other).isEqualTo(new MappingResult.Excluded("groups.include is false"));
  }

  @Test
  void dropsPhotosSilentlyEvenWhenAMappingProducesThem() {
    RuleSpec users = ConfigExample.users();
    java.util.Map<String, String> map = new java.util.LinkedHashMap<>(users.map());
    map.put("photos", "[{'value': 'https://example.com/ada.png'}]");
    MappingRules withPhotos =
        MappingRules.compile(
            new RuleSpec(users.include(), map, users.drop()),
            ConfigExample.groups(),
            SanitizerProfile.GENERIC);

    MappingResult.Mapped result = (MappingResult.Mapped) withPhotos.mapUser(ConfigExample.ada());

    assertThat(result.resource().has("photos")).isFalse();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void listsTheAttributesTheRulesManageInPatchPathSyntax() {
    assertThat(rules.userTargets())
        .containsExactly(
            "userName",
            "displayName",
            "name.givenName",
            "name.familyName",
            "emails",
            "title",
            "active",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber");
    assertThat(rules.groupTargets()).containsExactly("displayName");
  }

  @Test
  void droppedAttributesAreNotManaged() {
    MappingRules dropping =
        MappingRules.compile(
            new RuleSpec(
                null,
                Rules.map(
                    "userName", "user.mail", "name.givenName", "user.givenName", "title", "'T'"),
                java.util.List.of("name", "emails.type")),
            RuleSpec.defaults(),
            SanitizerProfile.GENERIC);

    assertThat(dropping.userTargets()).containsExactly("userName", "title");
  }
}
