package org.scimsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.mapping.Rules.mapped;
import static org.scimsync.mapping.Rules.rejected;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsSanitizerTest {

  private static final String[] REQUIRED = {
    "userName", "user.mail",
    "displayName", "user.displayName",
    "name.givenName", "user.givenName",
    "name.familyName", "user.sn",
  };

  /** The required mappings plus {@code extra}, for the AWS profile. */
  private static MappingRules aws(String... extra) {
    List<String> all = new ArrayList<>(Arrays.asList(REQUIRED));
    all.addAll(Arrays.asList(extra));
    return Rules.users(SanitizerProfile.AWS_IDENTITY_CENTER, all.toArray(String[]::new));
  }

  private static TestEntry user(String mail, String displayName) {
    return TestEntry.entry("k")
        .with("mail", mail)
        .with("displayName", displayName)
        .with("givenName", "G")
        .with("sn", "S");
  }

  private static MappingResult.Mapped map(String... extra) {
    return mapped(aws(extra).mapUser(Rules.person("ada")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"photos", "ims", "entitlements", "x509Certificates", "groups"})
  void removesMultiValuedAttributesTheTargetDoesNotSupport(String attribute) {
    MappingResult.Mapped result = map(attribute, "[{'value': 'v'}]");

    assertThat(result.resource().has(attribute)).isFalse();
    assertThat(result.warnings())
        .containsExactly(attribute + " removed: not supported by the target");
  }

  @Test
  void removesThePassword() {
    MappingResult.Mapped result = map("password", "'secret'");

    assertThat(result.resource().has("password")).isFalse();
    assertThat(result.warnings()).containsExactly("password removed: not supported by the target");
  }

  @Test
  void removesTheDisplaySubAttribute() {
    MappingResult.Mapped result =
        map("phoneNumbers", "[{'value': '+15550100', 'display': '555-0100', 'primary': true}]");

    assertThat(result.resource().path("phoneNumbers").toString())
        .isEqualTo("[{\"primary\":true,\"value\":\"+15550100\"}]");
    assertThat(result.warnings())
        .containsExactly("phoneNumbers.display removed: not supported by the target");
  }

  @Test
  void keepsThePrimaryEmailOnly() {
    MappingResult.Mapped result =
        map(
            "emails",
            "[{'value': 'a@x.com', 'type': 'home'}, {'value': 'b@x.com', 'primary': true}]");

    assertThat(result.resource().path("emails").toString())
        .isEqualTo("[{\"primary\":true,\"value\":\"b@x.com\"}]");
    assertThat(result.warnings())
        .containsExactly(
            "emails reduced to 1 value (the primary): the target accepts one, 2 were mapped");
  }

  @Test
  void keepsTheFirstValueWhenNoneIsPrimaryAndMarksTheEmailPrimary() {
    MappingResult.Mapped result = map("emails", "[{'value': 'a@x.com'}, {'value': 'b@x.com'}]");

    assertThat(result.resource().path("emails").toString())
        .isEqualTo("[{\"primary\":true,\"value\":\"a@x.com\"}]");
    assertThat(result.warnings())
        .containsExactly(
            "emails reduced to 1 value (the first): the target accepts one, 2 were mapped",
            "emails marked primary: the target requires a primary email");
  }

  @ParameterizedTest
  @ValueSource(strings = {"phoneNumbers", "roles"})
  void reducesOtherListsToOneValue(String attribute) {
    MappingResult.Mapped result = map(attribute, "[{'value': 'one'}, {'value': 'two'}]");

    assertThat(result.resource().path(attribute).toString()).isEqualTo("[{\"value\":\"one\"}]");
    assertThat(result.warnings()).hasSize(1);
  }

  @Test
  void reducesAddressesToThePrimary() {
    MappingResult.Mapped result =
        map("addresses", "[{'locality': 'Leeds'}, {'locality': 'York', 'primary': true}]");

    assertThat(result.resource().path("addresses").toString())
        .isEqualTo("[{\"locality\":\"York\",\"primary\":true}]");
  }

  @Test
  void removesTheManagerDisplayName() {
    MappingResult.Mapped result =
        map("enterprise.manager", "{'value': 'm-1', 'displayName': 'Boss'}");

    assertThat(result.resource().toString())
        .contains("\"manager\":{\"value\":\"m-1\"}")
        .doesNotContain("Boss");
    assertThat(result.warnings())
        .containsExactly("enterprise.manager.displayName removed: not supported by the target");
  }

  @ParameterizedTest
  @ValueSource(strings = {"userName", "displayName", "name.givenName", "name.familyName"})
  void rejectsAUserWithoutARequiredAttribute(String attribute) {
    List<String> mappings = new ArrayList<>(Arrays.asList(REQUIRED));
    int index = mappings.indexOf(attribute);
    mappings.set(index + 1, "null");

    MappingResult result =
        Rules.users(SanitizerProfile.AWS_IDENTITY_CENTER, mappings.toArray(String[]::new))
            .mapUser(Rules.person("ada"));

    assertThat(rejected(result).reason())
        .isEqualTo("required by the target but missing: " + attribute);
  }

  @Test
  void anEmptyStringCountsAsMissing() {
    TestEntry noSurname =
        TestEntry.entry("k")
            .with("mail", "k@x.com")
            .with("displayName", "K")
            .with("givenName", "K")
            .with("sn", "");

    assertThat(rejected(aws().mapUser(noSurname)).reason())
        .isEqualTo("required by the target but missing: name.familyName");
  }

  @Test
  void acceptsUserNamesUpTo128Characters() {
    MappingRules rules = aws();
    String longest = "a".repeat(116) + "@example.com";
    TestEntry ok = user(longest, "D");
    TestEntry tooLong = user("a" + longest, "D");

    assertThat(rules.mapUser(ok)).isInstanceOf(MappingResult.Mapped.class);
    assertThat(rejected(rules.mapUser(tooLong)).reason())
        .isEqualTo("userName is 129 characters long; the target accepts at most 128");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Administrator", "administrator", "AWSAdministrators", "awsadministrators"})
  void rejectsReservedUserNames(String userName) {
    TestEntry user = user(userName, "D");

    assertThat(rejected(aws().mapUser(user)).reason())
        .isEqualTo("userName '" + userName + "' is reserved by the target");
  }

  @Test
  void checksTheDisplayNameLength() {
    MappingRules rules = aws();
    TestEntry longest = user("k@x.com", "d".repeat(1024));
    TestEntry tooLong = user("k@x.com", "d".repeat(1025));

    assertThat(rules.mapUser(longest)).isInstanceOf(MappingResult.Mapped.class);
    assertThat(rejected(rules.mapUser(tooLong)).reason())
        .isEqualTo("displayName is 1025 characters long; the target accepts 1 to 1024");
  }

  @Test
  void rejectsAGroupWithoutDisplayName() {
    MappingRules rules =
        MappingRules.compile(
            RuleSpec.defaults(), RuleSpec.defaults(), SanitizerProfile.AWS_IDENTITY_CENTER);

    assertThat(rejected(rules.mapGroup(TestEntry.entry("g"))).reason())
        .isEqualTo("required by the target but missing: displayName");
    assertThat(mapped(rules.mapGroup(TestEntry.entry("g").with("cn", "ops"))).resource().toString())
        .isEqualTo("{\"displayName\":\"ops\"}");
  }

  @Test
  void theGenericProfileKeepsWhatAwsWouldRemove() {
    MappingRules generic =
        Rules.users(
            SanitizerProfile.GENERIC,
            "userName",
            "user.mail",
            "photos",
            "[{'value': 'https://x/p.png', 'display': 'me'}]",
            "emails",
            "[{'value': 'a@x.com'}, {'value': 'b@x.com'}]");

    MappingResult.Mapped result =
        mapped(generic.mapUser(TestEntry.entry("k").with("mail", "Administrator")));

    assertThat(result.resource().toString())
        .isEqualTo(
            "{\"emails\":[{\"value\":\"a@x.com\"},{\"value\":\"b@x.com\"}],"
                + "\"photos\":[{\"display\":\"me\",\"value\":\"https://x/p.png\"}],"
                + "\"userName\":\"Administrator\"}");
    assertThat(result.warnings()).isEmpty();
  }
}
