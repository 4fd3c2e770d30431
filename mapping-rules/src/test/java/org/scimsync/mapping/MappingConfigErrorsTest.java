package org.scimsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingConfigErrorsTest {

  private static MappingConfigException usersError(RuleSpec users) {
    return catchThrowableOfType(
        MappingConfigException.class,
        () ->
            MappingRules.compile(users, RuleSpec.defaults(), SanitizerProfile.AWS_IDENTITY_CENTER));
  }

  private static MappingConfigException groupsError(RuleSpec groups) {
    return catchThrowableOfType(
        MappingConfigException.class,
        () -> MappingRules.compile(RuleSpec.defaults(), groups, SanitizerProfile.GENERIC));
  }

  private static MappingConfigException mapError(String... targetsAndExpressions) {
    return usersError(new RuleSpec(null, Rules.map(targetsAndExpressions), List.of()));
  }

  @Test
  void aBrokenExpressionNamesTheKeyTheParserMessageAndTheColumn() {
    MappingConfigException error =
        mapError("userName", "user.mail", "displayName", "user.givenName + * user.sn");

    assertThat(error.key()).isEqualTo("users.map.displayName");
    assertThat(error.detail()).isEqualTo("parsing error in '+' at column 16");
    assertThat(error.getMessage())
        .isEqualTo("users.map.displayName: parsing error in '+' at column 16");
    assertThat(error.kind()).isEqualTo(MappingException.Kind.INVALID_CONFIG);
    assertThat(error.kind()).isEqualTo(MappingException.Kind.INVALID_CONFIG);
  }

  @Test
  void aBrokenIncludeNamesTheSection() {
    MappingConfigException error = groupsError(new RuleSpec("group.cn =^", Map.of(), List.of()));

    assertThat(error.key()).isEqualTo("groups.include");
    assertThat(error.detail()).startsWith("parsing error");
  }

  @Test
  void anUnknownTargetAttributeSuggestsTheClosestOne() {
    MappingConfigException error = mapError("displayname2", "user.cn");

    assertThat(error.key()).isEqualTo("users.map.displayname2");
    assertThat(error.detail())
        .isEqualTo(
            "not a target attribute: unknown attribute 'displayname2'; did you mean 'displayName'?");
  }

  @Test
  void anUnknownEnterpriseAttributeIsAnError() {
    assertThat(mapError("enterprise.departement", "user.ou").detail())
        .contains("unknown attribute 'enterprise.departement'")
        .contains("did you mean 'enterprise.department'?");
  }

  @Test
  void subAttributesOfMultiValuedAttributesAreNotTargets() {
    assertThat(mapError("emails.value", "user.mail").detail())
        .contains("map 'emails' as a list of objects instead");
  }

  @Test
  void groupsOnlyHaveADisplayName() {
    MappingConfigException error =
        groupsError(new RuleSpec(null, Map.of("title", "group.cn"), List.of()));

    assertThat(error.key()).isEqualTo("groups.map.title");
  }

  @Test
  void twoMappingsOfTheSameAttributeConflict() {
    MappingConfigException error =
        mapError("name", "{'givenName': user.givenName}", "name.givenName", "user.cn");

    assertThat(error.key()).isEqualTo("users.map.name.givenName");
    assertThat(error.detail()).isEqualTo("conflicts with users.map.name (both set name.givenName)");
  }

  @Test
  void theEnterpriseUrnAndItsShortFormConflict() {
    MappingConfigException error =
        mapError(
            "enterprise.department",
            "user.ou",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
            "user.departmentNumber");

    assertThat(error.detail()).startsWith("conflicts with users.map.enterprise.department");
  }

  @Test
  void anUnknownDropAttributeIsAnError() {
    MappingConfigException error =
        usersError(new RuleSpec(null, Map.of(), List.of("photos", "fotos")));

    assertThat(error.key()).isEqualTo("users.drop");
    assertThat(error.detail()).isEqualTo("unknown attribute 'fotos'; did you mean 'photos'?");
  }

  @Test
  void theOtherSectionsVariableIsUnknown() {
    MappingConfigException error = mapError("userName", "group.cn");

    assertThat(error.key()).isEqualTo("users.map.userName");
    assertThat(error.detail())
        .isEqualTo("unknown variable 'group'; expressions here can only use 'user'");
  }

  @Test
  void anEmptyExpressionIsAnError() {
    assertThat(mapError("title", "  ").detail()).isEqualTo("the expression is empty");
  }

  @Test
  void aMisspeltMethodIsAnErrorAtLoadTimeWithASuggestion() {
    MappingConfigException error =
        mapError("userName", "user.mail", "title", "user.title.lenght()");

    assertThat(error.key()).isEqualTo("users.map.title");
    assertThat(error.detail())
        .isEqualTo(
            "method 'lenght' at column 11 is not available in mapping expressions;"
                + " did you mean 'length'?");
  }

  @Test
  void aMethodTheSandboxRefusesEverywhereIsAnErrorAtLoadTime() {
    MappingConfigException error = mapError("title", "user.mail.getBytes()");

    assertThat(error.detail())
        .startsWith("method 'getBytes' at column 10 is not available in mapping expressions;")
        .contains("the methods are all, concat, contains");
  }

  @Test
  void aMethodTheEntryDoesNotHaveIsAnErrorAtLoadTime() {
    assertThat(mapError("title", "user.fromGroup({'a': 'b'})").detail())
        .isEqualTo(
            "method 'fromGroup' at column 5 is not available on 'user'; did you mean 'fromGroups'?");
    assertThat(groupsError(new RuleSpec("group.toLowerCase() == 'x'", Map.of(), List.of())).key())
        .isEqualTo("groups.include");
  }

  @Test
  void aFunctionIsAnErrorAtLoadTime() {
    assertThat(mapError("title", "lower(user.title)").detail())
        .startsWith("'lower(...)' at column 6 is not a function of mapping expressions");
  }

  @Test
  void callsInsideTemplatesAreCheckedToo() {
    assertThat(mapError("title", "`${user.title.lenght()}`").detail())
        .contains("method 'lenght'")
        .contains("did you mean 'length'?");
  }

  @Test
  void aRegularExpressionThatDoesNotCompileIsAnErrorAtLoadTime() {
    assertThat(mapError("title", "user.title =~ '[a-' ? 'x' : null").detail())
        .isEqualTo("invalid regular expression '[a-' at column 15: Illegal character range");
  }

  @Test
  void everyMethodTheDocumentationListsIsAccepted() {
    MappingRules rules =
        Rules.users(
            "userName",
            "user.mail.toLowerCase().toUpperCase().trim().strip().substring(0).replace('a', 'b')"
                + ".concat(user.first('dn') ?? '') + user.all('mail').size()",
            "title",
            "user.mail.startsWith('a') || user.mail.endsWith('b') || user.mail.contains('c')"
                + " || user.mail.indexOf('d') > user.mail.lastIndexOf('e')"
                + " || user.mail.length() > 1 || user.mail.isEmpty() || user.mail.isBlank()"
                + " ? user.mail.split('@')[0] : null",
            "nickName",
            "user.fromGroups({'g': 'x'}) ?? user.fromGroupPrefix('aws-') ??"
                + " ({'a': 1}.containsKey('a') && {'a': 1}.get('a') == 1"
                + " && user.all('mail').contains('x') == false && user.all('mail').isEmpty() == false"
                + " && user.all('mail').get(0) != null && user.all('mail').indexOf('x') < 0"
                + " && {'a': 1}.size() == 1 && {'a': 1}.isEmpty() == false ? 'ok' : 'no')");

    MappingResult.Mapped result =
        Rules.mapped(rules.mapUser(TestEntry.entry("k").with("mail", "a@b").groups("g")));

    assertThat(result.warnings()).isEmpty();
    assertThat(result.resource().path("nickName").asText()).isEqualTo("x");
  }

  @Test
  void aValidConfigurationCompiles() {
    MappingRules rules = ConfigExample.rules(SanitizerProfile.AWS_IDENTITY_CENTER);

    assertThat(rules.mapUser(ConfigExample.ada())).isInstanceOf(MappingResult.Mapped.class);
  }
}
