package org.scimsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.mapping.Rules.mapped;
import static org.scimsync.mapping.Rules.rejected;
import static org.scimsync.mapping.Rules.resource;
import static org.scimsync.mapping.Rules.users;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueConversionTest {

  private static final TestEntry USER =
      TestEntry.entry("k").with("mail", "a@x.com").with("sn", "S");

  @Test
  void aBooleanAttributeNeedsTrueOrFalse() {
    assertThat(rejected(users("active", "'yes'").mapUser(USER)).reason())
        .isEqualTo("users.map.active: active must be true or false, got a string");
  }

  @Test
  void aSingleValuedAttributeRefusesAList() {
    MappingResult.Mapped result = mapped(users("displayName", "user.all('mail')").mapUser(USER));

    assertThat(result.resource().has("displayName")).isFalse();
    assertThat(result.warnings())
        .containsExactly(
            "users.map.displayName: displayName must be a string, got a list;"
                + " displayName left out");
  }

  @Test
  void aWrongValueOfAnEssentialAttributeRejectsTheUserWithAComparableFailure() {
    MappingResult.Rejected result = rejected(users("userName", "user.all('mail')").mapUser(USER));

    assertThat(result.reason())
        .isEqualTo("users.map.userName: userName must be a string, got a list");
    assertThat(result.failure())
        .isEqualTo(
            new MappingResult.Failure(
                "users.map.userName", "userName must be a string, got a list"));
  }

  @Test
  void aMultiValuedAttributeRefusesAString() {
    MappingResult.Mapped result = mapped(users("emails", "user.mail").mapUser(USER));

    assertThat(result.resource().has("emails")).isFalse();
    assertThat(result.warnings())
        .containsExactly(
            "users.map.emails: emails must be a list of objects, got a string; emails left out");
  }

  @Test
  void aSingleObjectIsAListOfOne() {
    assertThat(
            resource(users("emails", "{'value': user.mail}").mapUser(USER))
                .path("emails")
                .toString())
        .isEqualTo("[{\"value\":\"a@x.com\"}]");
  }

  @Test
  void elementsWithoutValueAreLeftOutWithAWarning() {
    MappingResult.Mapped result =
        mapped(
            users("emails", "[{'value': user.nomail, 'type': 'home'}, {'value': user.mail}]")
                .mapUser(USER));

    assertThat(result.resource().path("emails").toString()).isEqualTo("[{\"value\":\"a@x.com\"}]");
    assertThat(result.warnings())
        .containsExactly("emails: an element without 'value' was left out");
  }

  @Test
  void anUnknownSubAttributeLeavesTheAttributeOut() {
    MappingResult.Mapped result =
        mapped(users("emails", "[{'value': user.mail, 'kind': 'work'}]").mapUser(USER));

    assertThat(result.resource().has("emails")).isFalse();
    assertThat(result.warnings())
        .containsExactly(
            "users.map.emails: emails has an unknown sub-attribute 'kind'; emails left out");
  }

  @Test
  void subAttributeNamesAreCanonicalised() {
    assertThat(
            resource(users("name", "{'GIVENNAME': 'G', 'familyname': user.sn}").mapUser(USER))
                .toString())
        .isEqualTo("{\"name\":{\"familyName\":\"S\",\"givenName\":\"G\"}}");
  }

  @Test
  void anObjectWithoutValuesIsAbsent() {
    assertThat(
            resource(
                    users("name.givenName", "user.nothing", "name.familyName", "user.none")
                        .mapUser(USER))
                .toString())
        .isEqualTo("{}");
  }

  @Test
  void theFullEnterpriseUrnIsATarget() {
    assertThat(
            resource(
                    users(
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter",
                            "'CC-1'",
                            "enterprise.manager.value",
                            "'m-1'")
                        .mapUser(USER))
                .toString())
        .isEqualTo(
            "{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":"
                + "{\"costCenter\":\"CC-1\",\"manager\":{\"value\":\"m-1\"}}}");
  }

  @Test
  void anIncludeThatIsNotABooleanRejectsTheEntry() {
    MappingRules rules =
        MappingRules.compile(
            new RuleSpec("user.mail", Map.of(), List.of()),
            RuleSpec.defaults(),
            SanitizerProfile.GENERIC);

    assertThat(rejected(rules.mapUser(USER)).reason())
        .isEqualTo("users.include: must give true or false, got a string");
  }

  @Test
  void anIncludeThatFailsRejectsTheEntryNamingTheInclude() {
    MappingRules rules =
        MappingRules.compile(
            new RuleSpec("user.nothing.size() > 0", Map.of(), List.of()),
            RuleSpec.defaults(),
            SanitizerProfile.GENERIC);

    assertThat(rejected(rules.mapUser(USER)).reason()).startsWith("users.include: ");
  }

  @Test
  void dropRemovesAttributesSubAttributesAndExtensionAttributes() {
    MappingRules rules =
        MappingRules.compile(
            new RuleSpec(
                null,
                Rules.map(
                    "userName", "user.mail",
                    "emails", "[{'value': user.mail, 'type': 'work'}]",
                    "title", "'T'",
                    "enterprise.department", "'D'"),
                List.of("title", "emails.type", "enterprise.department")),
            RuleSpec.defaults(),
            SanitizerProfile.GENERIC);

    MappingResult.Mapped result = mapped(rules.mapUser(USER));

    assertThat(result.resource().toString())
        .isEqualTo("{\"emails\":[{\"value\":\"a@x.com\"}],\"userName\":\"a@x.com\"}");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void theDefaultUserMappingFallsBackToUid() {
    MappingRules rules =
        MappingRules.compile(RuleSpec.defaults(), RuleSpec.defaults(), SanitizerProfile.GENERIC);
    TestEntry user =
        TestEntry.entry("k")
            .with("uid", "ada")
            .with("cn", "Ada L")
            .with("givenName", "Ada")
            .with("sn", "L");

    assertThat(resource(rules.mapUser(user)).toString())
        .isEqualTo(
            "{\"active\":true,\"displayName\":\"Ada L\","
                + "\"name\":{\"familyName\":\"L\",\"givenName\":\"Ada\"},\"userName\":\"ada\"}");
  }

  @Test
  void theDefaultUserMappingSendsOnePrimaryWorkEmail() {
    MappingRules rules =
        MappingRules.compile(
            RuleSpec.defaults(), RuleSpec.defaults(), SanitizerProfile.AWS_IDENTITY_CENTER);

    MappingResult.Mapped result = mapped(rules.mapUser(Rules.person("ada")));

    assertThat(result.resource().toString())
        .isEqualTo(
            "{\"active\":true,\"displayName\":\"Person ada\","
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"ada@example.com\"}],"
                + "\"name\":{\"familyName\":\"ada\",\"givenName\":\"Person\"},"
                + "\"userName\":\"ada@example.com\"}");
    assertThat(result.warnings()).isEmpty();
  }
}
