package org.scimsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.mapping.Rules.mapped;
import static org.scimsync.mapping.Rules.rejected;
import static org.scimsync.mapping.Rules.resource;
import static org.scimsync.mapping.Rules.users;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionOperatorsTest {

  private static final TestEntry ADA =
      TestEntry.entry("uuid-1")
          .dn("uid=ada,ou=people,dc=example,dc=com")
          .with("mail", "Ada@Example.com", "ada.lovelace@example.com")
          .with("givenName", "Ada")
          .with("sn", "Lovelace")
          .with("cn", "aws-ada")
          .with("x-badge", "B-17")
          .with("photo", new byte[] {1, 2, 3})
          .groups("aws-admins", "aws-dev", "staff");

  private static JsonNode title(String expression) {
    return resource(users("title", expression).mapUser(ADA)).path("title");
  }

  private static JsonNode active(String expression) {
    return resource(users("active", expression).mapUser(ADA)).path("active");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "user.givenName + ' ' + user.sn | Ada Lovelace",
        "user.nickname ?? user.givenName | Ada",
        "user.givenName ?? 'unused' | Ada",
        "user.sn == 'Lovelace' ? 'yes' : 'no' | yes",
        "user.sn != 'Lovelace' ? 'yes' : 'no' | no",
        "user.mail | Ada@Example.com",
        "user.MAIL | Ada@Example.com",
        "user.all('mail')[1] | ada.lovelace@example.com",
        "user.first('sn') | Lovelace",
        "user['x-badge'] | B-17",
        "user.dn | uid=ada,ou=people,dc=example,dc=com",
        "user.key | uuid-1",
        "user.groups[0] | aws-admins",
        "user.mail.toLowerCase() | ada@example.com",
        "user.mail.split('@')[0] | Ada",
        "user.sn.substring(0, 4).toUpperCase() | LOVE",
        "size(user.all('mail')) | 2",
        "{'a': 'from a map'}.a | from a map",
        "['x', 'y'][1] | y",
      })
  void evaluatesStringExpressions(String expression, String expected) {
    assertThat(title(expression).asText()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "user.mail != null | true",
        "user.nickname != null | false",
        "user.cn =^ 'aws-' | true",
        "user.sn =^ 'aws-' | false",
        "user.nickname =^ 'aws-' | false",
        "user.sn == 'Lovelace' | true",
        "'aws-admins' =~ user.groups | true",
        "'aws-ops' =~ user.groups | false",
        "user.all('mail').contains('ada.lovelace@example.com') | true",
        "empty(user.nickname) | true",
        "user.mail != null && user.sn == 'Lovelace' | true",
        "user.sn eq 'Lovelace' | true",
      })
  void evaluatesBooleanExpressions(String expression, boolean expected) {
    assertThat(active(expression).booleanValue()).isEqualTo(expected);
  }

  @Test
  void aMissingAttributeIsNullAndLeavesTheTargetAbsent() {
    assertThat(title("user.nickname").isMissingNode()).isTrue();
  }

  @Test
  void nullArithmeticLeavesAnOptionalAttributeOutNamingTheKey() {
    MappingResult.Mapped result = mapped(users("title", "user.nickname + '!'").mapUser(ADA));

    assertThat(result.resource().has("title")).isFalse();
    assertThat(result.warnings())
        .containsExactly(
            "users.map.title: null operand for '+' at column 1 (in 'user.nickname'); title left"
                + " out");
  }

  @Test
  void nullArithmeticInAnEssentialAttributeRejectsTheUserNamingTheAttribute() {
    MappingResult.Rejected result = rejected(users("userName", "user.nickname + '!'").mapUser(ADA));

    assertThat(result.reason())
        .isEqualTo("users.map.userName: null operand for '+' at column 1 (in 'user.nickname')");
    assertThat(result.failure())
        .isEqualTo(
            new MappingResult.Failure(
                "users.map.userName", "null operand for '+' at column 1 (in 'user.nickname')"));
  }

  @Test
  void propertyAccessOnNullLeavesTheAttributeOut() {
    MappingResult.Mapped result =
        mapped(users("userName", "user.mail", "title", "user.nickname.toLowerCase()").mapUser(ADA));

    assertThat(result.resource().toString()).isEqualTo("{\"userName\":\"Ada@Example.com\"}");
    assertThat(result.warnings()).singleElement().asString().startsWith("users.map.title: ");
  }

  @Test
  void anIndexPastTheEndLeavesTheAttributeOut() {
    MappingResult.Mapped result = mapped(users("title", "user.all('sn')[3]").mapUser(ADA));

    assertThat(result.resource().has("title")).isFalse();
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .startsWith("users.map.title: ")
        .endsWith("; title left out");
  }

  @Test
  void listAndMapLiteralsBuildMultiValuedAttributes() {
    JsonNode emails =
        resource(
                users(
                        "emails",
                        "[{'value': user.all('mail')[0], 'type': 'work', 'primary': true},"
                            + " {'value': user.all('mail')[1], 'type': 'home'}]")
                    .mapUser(ADA))
            .path("emails");

    assertThat(emails.toString())
        .isEqualTo(
            "[{\"primary\":true,\"type\":\"work\",\"value\":\"Ada@Example.com\"},"
                + "{\"type\":\"home\",\"value\":\"ada.lovelace@example.com\"}]");
  }

  @Test
  void groupsAreTheNamesInAscendingOrder() {
    TestEntry user = TestEntry.entry("k").groups("a", "b", "c");

    JsonNode resource =
        resource(users("title", "user.groups[2] + size(user.groups)").mapUser(user));

    assertThat(resource.path("title").asText()).isEqualTo("c3");
  }

  @Test
  void binaryValuesAreLeftOut() {
    MappingResult.Mapped result = mapped(users("title", "user.photo").mapUser(ADA));

    assertThat(result.resource().has("title")).isFalse();
    assertThat(result.warnings())
        .containsExactly(
            "users.map.title: title must be a string, got binary data (not a valid SCIM value);"
                + " title left out");
  }

  @Test
  void numbersBecomeDecimalStringsForStringAttributes() {
    JsonNode resource =
        resource(users("enterprise.employeeNumber", "1800 + 15", "title", "1.50").mapUser(ADA));

    assertThat(resource.toString())
        .isEqualTo(
            "{\"title\":\"1.5\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":"
                + "{\"employeeNumber\":\"1815\"}}");
  }
}
