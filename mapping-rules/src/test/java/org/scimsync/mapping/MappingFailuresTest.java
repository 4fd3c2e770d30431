package org.scimsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.mapping.Rules.mapped;
import static org.scimsync.mapping.Rules.rejected;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failing expression costs an object only what it must: nothing for a dropped attribute, the
 * attribute for an optional one, the object for the scope or an attribute the target cannot go
 * without.
 */
class MappingFailuresTest {

  private static final TestEntry WITHOUT_UID =
      TestEntry.entry("k")
          .with("mail", "k@example.com")
          .with("displayName", "K")
          .with("givenName", "G")
          .with("sn", "S");

  private static MappingRules aws(String include, List<String> drop, String... extra) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("userName", "user.mail");
    map.put("displayName", "user.displayName");
    map.put("name.givenName", "user.givenName");
    map.put("name.familyName", "user.sn");
    map.putAll(Rules.map(extra));
    return MappingRules.compile(
        new RuleSpec(include, map, drop),
        RuleSpec.defaults(),
        SanitizerProfile.AWS_IDENTITY_CENTER);
  }

  @Test
  void aDroppedAttributeIsNeverEvaluated() {
    MappingRules rules =
        aws(null, List.of("photos"), "photos", "[{'value': 'https://x/' + user.uid + '.jpg'}]");

    MappingResult.Mapped result = mapped(rules.mapUser(WITHOUT_UID));

    assertThat(result.resource().has("photos")).isFalse();
    assertThat(result.warnings()).isEmpty();
    assertThat(rules.userTargets()).doesNotContain("photos");
  }

  @Test
  void aDroppedSubAttributeStillLetsTheAttributeBeEvaluated() {
    MappingRules rules =
        aws(null, List.of("emails.type"), "emails", "[{'value': user.mail, 'type': 'work'}]");

    assertThat(mapped(rules.mapUser(WITHOUT_UID)).resource().path("emails").toString())
        .isEqualTo("[{\"primary\":true,\"value\":\"k@example.com\"}]");
  }

  @Test
  void anOptionalAttributeThatFailsIsLeftOutAndTheUserIsProvisioned() {
    MappingRules rules = aws(null, List.of(), "title", "'T-' + user.uid");

    MappingResult.Mapped result = mapped(rules.mapUser(WITHOUT_UID));

    assertThat(result.resource().has("title")).isFalse();
    assertThat(result.resource().path("userName").asText()).isEqualTo("k@example.com");
    assertThat(result.warnings())
        .containsExactly(
            "users.map.title: null operand for '+' at column 8 (in 'user.uid'); title left out");
  }

  @ParameterizedTest
  @ValueSource(strings = {"userName", "displayName", "name.givenName", "name.familyName"})
  void aRequiredAttributeThatFailsRejectsTheUserWithAComparableFailure(String attribute) {
    MappingRules rules = aws(null, List.of(), attribute, "user.uid + '!'");

    MappingResult.Rejected first = rejected(rules.mapUser(WITHOUT_UID));
    MappingResult.Rejected second =
        rejected(rules.mapUser(Rules.person("other").with("displayName", "Other")));

    String error = "null operand for '+' at column 1 (in 'user.uid')";
    assertThat(first.reason()).isEqualTo("users.map." + attribute + ": " + error);
    assertThat(first.failure())
        .isEqualTo(new MappingResult.Failure("users.map." + attribute, error));
    assertThat(second.failure()).isEqualTo(first.failure());
  }

  @Test
  void theWholeNameIsRequiredAsItHoldsRequiredParts() {
    MappingRules rules =
        Rules.users(
            SanitizerProfile.AWS_IDENTITY_CENTER,
            "userName",
            "user.mail",
            "displayName",
            "user.displayName",
            "name",
            "{'givenName': user.givenName, 'familyName': user.sn + user.uid}");

    assertThat(rejected(rules.mapUser(WITHOUT_UID)).failure().key()).isEqualTo("users.map.name");
  }

  /** Left out, active would be removed from the user (which AWS refuses) or take a default. */
  @Test
  void activeThatFailsRejectsTheUser() {
    MappingRules rules = aws(null, List.of(), "active", "user.employeeType.startsWith('x')");

    assertThat(rejected(rules.mapUser(WITHOUT_UID)).failure().key()).isEqualTo("users.map.active");
  }

  @Test
  void aScopeThatFailsRejectsTheUser() {
    MappingRules rules = aws("user.uid.startsWith('a')", List.of());

    MappingResult.Rejected result = rejected(rules.mapUser(WITHOUT_UID));

    assertThat(result.failure().key()).isEqualTo("users.include");
    assertThat(result.reason()).startsWith("users.include: ");
  }

  @Test
  void aScopeThatGivesNoBooleanRejectsTheUser() {
    MappingResult.Rejected result = rejected(aws("user.mail", List.of()).mapUser(WITHOUT_UID));

    assertThat(result.failure())
        .isEqualTo(
            new MappingResult.Failure("users.include", "must give true or false, got a string"));
  }

  @Test
  void aRejectionByTheProfileIsNotAnExpressionFailure() {
    MappingResult.Rejected result =
        rejected(aws(null, List.of()).mapUser(TestEntry.entry("k").with("mail", "k@example.com")));

    assertThat(result.reason()).startsWith("required by the target but missing: ");
    assertThat(result.failure()).isNull();
  }

  @Test
  void underTheGenericProfileOnlyUserNameAndActiveAreEssentialForUsers() {
    MappingRules rules =
        Rules.users(
            "userName",
            "user.mail",
            "displayName",
            "user.uid + '!'",
            "name.familyName",
            "user.uid.x");

    MappingResult.Mapped result = mapped(rules.mapUser(WITHOUT_UID));

    assertThat(result.resource().toString()).isEqualTo("{\"userName\":\"k@example.com\"}");
    assertThat(result.warnings()).hasSize(2);
    assertThat(rejected(Rules.users("userName", "user.uid + '!'").mapUser(WITHOUT_UID)).failure())
        .isNotNull();
  }

  @Test
  void aGroupDisplayNameThatFailsRejectsTheGroupUnderEitherProfile() {
    RuleSpec groups = new RuleSpec(null, Map.of("displayName", "group.cn + group.x"), List.of());
    for (SanitizerProfile profile : SanitizerProfile.values()) {
      MappingRules rules = MappingRules.compile(RuleSpec.defaults(), groups, profile);

      assertThat(rejected(rules.mapGroup(TestEntry.entry("g").with("cn", "ops"))).failure().key())
          .as(profile.name())
          .isEqualTo("groups.map.displayName");
    }
  }

  @Test
  void aRegularExpressionFromTheEntryThatDoesNotCompileFailsForThatEntry() {
    MappingRules rules = aws(null, List.of(), "title", "user.mail =~ user.pattern ? 'a' : 'b'");

    MappingResult.Mapped result = mapped(rules.mapUser(Rules.person("p").with("pattern", "[")));

    assertThat(result.warnings())
        .singleElement()
        .asString()
        .isEqualTo(
            "users.map.title: error calling operator '=~' at column 14 (in 'user.mail =~"
                + " user.pattern'); title left out");
  }
}
