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

/** The AWS profile cleans every string it sends, and says what it changed. */
class AwsCharactersTest {

  private static final String ZERO_WIDTH_SPACE = "\u200B";
  private static final String NO_BREAK_SPACE = "\u00A0";
  private static final String SOFT_HYPHEN = "\u00AD";
  private static final String THIN_SPACE = "\u2009";
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private static final String[] REQUIRED = {
    "userName", "user.mail",
    "displayName", "user.displayName",
    "name.givenName", "user.givenName",
    "name.familyName", "user.sn",
  };

  private static MappingRules aws(String... extra) {
    List<String> all = new ArrayList<>(Arrays.asList(REQUIRED));
    all.addAll(Arrays.asList(extra));
    return Rules.users(SanitizerProfile.AWS_IDENTITY_CENTER, all.toArray(String[]::new));
  }

  private static MappingRules groups() {
    return MappingRules.compile(
        RuleSpec.defaults(), RuleSpec.defaults(), SanitizerProfile.AWS_IDENTITY_CENTER);
  }

  private static TestEntry user(String displayName) {
    return TestEntry.entry("k")
        .with("mail", "k@example.com")
        .with("displayName", displayName)
        .with("givenName", "Given")
        .with("sn", "Family");
  }

  @Test
  void cleansTheDisplayNameAndTitleOfAnHrExport() {
    TestEntry user =
        user("Zoe" + NO_BREAK_SPACE + "Andersen" + ZERO_WIDTH_SPACE)
            .with("title", "Product" + THIN_SPACE + "De" + SOFT_HYPHEN + "signer");

    MappingResult.Mapped result = mapped(aws("title", "user.title").mapUser(user));

    assertThat(result.resource().path("displayName").asText()).isEqualTo("Zoe Andersen");
    assertThat(result.resource().path("title").asText()).isEqualTo("Product Designer");
    assertThat(result.warnings())
        .containsExactly(
            "displayName: 1 character AWS refuses removed",
            "displayName: 1 space character replaced by a plain space",
            "title: 1 character AWS refuses removed",
            "title: 1 space character replaced by a plain space");
  }

  @Test
  void countsTheCharactersItChanges() {
    TestEntry user =
        user(
            BYTE_ORDER_MARK
                + "Ada"
                + NO_BREAK_SPACE
                + NO_BREAK_SPACE
                + "Love\u0007lace"
                + ZERO_WIDTH_SPACE);

    MappingResult.Mapped result = mapped(aws().mapUser(user));

    assertThat(result.resource().path("displayName").asText()).isEqualTo("Ada  Lovelace");
    assertThat(result.warnings())
        .containsExactly(
            "displayName: 3 characters AWS refuses removed",
            "displayName: 2 space characters replaced by a plain space");
  }

  @Test
  void cleansSubAttributesListElementsAndTheEnterpriseExtension() {
    TestEntry user =
        TestEntry.entry("k")
            .with("mail", "k@example.com")
            .with("displayName", "K")
            .with("givenName", "Jo" + SOFT_HYPHEN + "hanna")
            .with("sn", "S")
            .with("street", "1 Main St\u2028Leeds")
            .with("department", BYTE_ORDER_MARK + "R&D")
            .with("manager", "m-1" + ZERO_WIDTH_SPACE);
    MappingRules rules =
        aws(
            "emails",
            "[{'value': user.mail + '\u200B', 'type': 'work', 'primary': true}]",
            "addresses",
            "[{'formatted': user.street}]",
            "enterprise.department",
            "user.department",
            "enterprise.manager",
            "{'value': user.manager}");

    MappingResult.Mapped result = mapped(rules.mapUser(user));

    assertThat(result.resource().toString())
        .isEqualTo(
            "{\"addresses\":[{\"formatted\":\"1 Main St Leeds\"}],"
                + "\"displayName\":\"K\","
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"k@example.com\"}],"
                + "\"name\":{\"familyName\":\"S\",\"givenName\":\"Johanna\"},"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":"
                + "{\"department\":\"R&D\",\"manager\":{\"value\":\"m-1\"}},"
                + "\"userName\":\"k@example.com\"}");
    assertThat(result.warnings())
        .containsExactlyInAnyOrder(
            "name.givenName: 1 character AWS refuses removed",
            "emails.value: 1 character AWS refuses removed",
            "addresses.formatted: 1 space character replaced by a plain space",
            "enterprise.department: 1 character AWS refuses removed",
            "enterprise.manager.value: 1 character AWS refuses removed");
  }

  @Test
  void leavesTabsNewlinesSymbolsAndAnyScriptAlone() {
    String title = "Ingénieure\tR&D\n東京 — 🚀 Ω";

    MappingResult.Mapped result =
        mapped(aws("title", "user.title").mapUser(user("D").with("title", title)));

    assertThat(result.resource().path("title").asText()).isEqualTo(title);
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void removesAnOptionalValueLeftEmpty() {
    TestEntry user = user("D").with("title", ZERO_WIDTH_SPACE + SOFT_HYPHEN);

    MappingResult.Mapped result = mapped(aws("title", "user.title").mapUser(user));

    assertThat(result.resource().has("title")).isFalse();
    assertThat(result.warnings())
        .containsExactly("title removed: it had only characters AWS refuses (2)");
  }

  @Test
  void removesAnEmptyOptionalValueAwsWouldRefuse() {
    MappingResult.Mapped result = mapped(aws("title", "''").mapUser(user("D")));

    assertThat(result.resource().has("title")).isFalse();
    assertThat(result.warnings())
        .containsExactly("title removed: empty, and AWS needs at least one character");
  }

  /** AWS's rule accepts spaces, so a value of spaces is not empty; a required one is kept too. */
  @Test
  void keepsAValueOfSpacesWhichAwsAccepts() {
    TestEntry user = user(NO_BREAK_SPACE).with("title", "  ");

    MappingResult.Mapped result = mapped(aws("title", "user.title").mapUser(user));

    assertThat(result.resource().path("title").asText()).isEqualTo("  ");
    assertThat(result.resource().path("displayName").asText()).isEqualTo(" ");
    assertThat(result.warnings())
        .containsExactly("displayName: 1 space character replaced by a plain space");
  }

  @ParameterizedTest
  @ValueSource(strings = {"displayName", "name.familyName"})
  void rejectsAUserWhoseRequiredAttributeHasOnlyCharactersAwsRefuses(String attribute) {
    TestEntry user =
        TestEntry.entry("k")
            .with("mail", "k@example.com")
            .with("displayName", attribute.equals("displayName") ? ZERO_WIDTH_SPACE : "D")
            .with("givenName", "G")
            .with("sn", attribute.equals("name.familyName") ? SOFT_HYPHEN + BYTE_ORDER_MARK : "S");

    MappingResult.Rejected result = rejected(aws().mapUser(user));

    assertThat(result.reason())
        .matches(
            attribute + " has only characters AWS refuses \\([12]\\), and the target requires it");
    assertThat(result.failure()).isNull();
  }

  @Test
  void leavesOutAnEmailLeftWithoutItsValue() {
    MappingResult.Mapped result =
        mapped(
            aws("emails", "[{'value': '\u200B', 'type': 'work', 'primary': true}]")
                .mapUser(user("D")));

    assertThat(result.resource().has("emails")).isFalse();
    assertThat(result.warnings())
        .containsExactly(
            "emails.value removed: it had only characters AWS refuses (1)",
            "emails: an element without 'value' was left out");
  }

  @Test
  void cleansAGroupDisplayName() {
    MappingResult.Mapped result =
        mapped(
            groups()
                .mapGroup(
                    TestEntry.entry("g")
                        .with("cn", "aws" + NO_BREAK_SPACE + "admins" + ZERO_WIDTH_SPACE)));

    assertThat(result.resource().toString()).isEqualTo("{\"displayName\":\"aws admins\"}");
    assertThat(result.warnings())
        .containsExactly(
            "displayName: 1 character AWS refuses removed",
            "displayName: 1 space character replaced by a plain space");
  }

  @Test
  void rejectsAGroupWhoseDisplayNameHasOnlyCharactersAwsRefuses() {
    MappingResult.Rejected result =
        rejected(groups().mapGroup(TestEntry.entry("g").with("cn", ZERO_WIDTH_SPACE)));

    assertThat(result.reason())
        .isEqualTo("displayName has only characters AWS refuses (1), and the target requires it");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Administrator", "administrator", "AWSAdministrators", "AWSADMINISTRATORS"})
  void rejectsReservedGroupNamesInAnyCase(String name) {
    MappingResult.Rejected result =
        rejected(groups().mapGroup(TestEntry.entry("g").with("cn", name)));

    assertThat(result.reason()).isEqualTo("displayName '" + name + "' is reserved by the target");
  }

  @Test
  void aReservedNameHiddenByAZeroWidthSpaceIsStillReserved() {
    String hidden = "Admin" + ZERO_WIDTH_SPACE + "istrator";

    assertThat(rejected(groups().mapGroup(TestEntry.entry("g").with("cn", hidden))).reason())
        .isEqualTo("displayName 'Administrator' is reserved by the target");
    TestEntry user =
        TestEntry.entry("k")
            .with("mail", hidden)
            .with("displayName", "D")
            .with("givenName", "G")
            .with("sn", "S");
    assertThat(rejected(aws().mapUser(user)).reason())
        .isEqualTo("userName 'Administrator' is reserved by the target");
  }

  @Test
  void theGenericProfileSendsCharactersAsMapped() {
    String displayName = "Zoe" + NO_BREAK_SPACE + "Andersen" + ZERO_WIDTH_SPACE;
    MappingRules generic = Rules.users("userName", "user.mail", "displayName", "user.displayName");

    MappingResult.Mapped result = mapped(generic.mapUser(user(displayName)));

    assertThat(result.resource().path("displayName").asText()).isEqualTo(displayName);
    assertThat(result.warnings()).isEmpty();
  }
}
