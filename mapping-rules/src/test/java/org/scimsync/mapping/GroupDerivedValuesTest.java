package org.scimsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.mapping.Rules.resource;
import static org.scimsync.mapping.Rules.users;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class GroupDerivedValuesTest {

  private static final String ROLE_BY_GROUP =
      "user.fromGroups({'aws-dev': 'Developer', 'aws-admins': 'Admin', 'aws-readonly': 'Viewer'})";

  private static JsonNode userType(String expression, String... groups) {
    return resource(users("userType", expression).mapUser(TestEntry.entry("k").groups(groups)))
        .path("userType");
  }

  @Test
  void theLastGroupInNameOrderWins() {
    // name order: aws-admins < aws-dev < aws-readonly
    assertThat(userType(ROLE_BY_GROUP, "aws-admins", "aws-dev").asText()).isEqualTo("Developer");
    assertThat(userType(ROLE_BY_GROUP, "aws-admins", "aws-readonly").asText()).isEqualTo("Viewer");
    assertThat(userType(ROLE_BY_GROUP, "aws-admins").asText()).isEqualTo("Admin");
  }

  @Test
  void theOrderOfTheMapDoesNotMatter() {
    String reversed =
        "user.fromGroups({'aws-readonly': 'Viewer', 'aws-admins': 'Admin', 'aws-dev': 'Developer'})";

    assertThat(userType(reversed, "aws-admins", "aws-dev").asText()).isEqualTo("Developer");
  }

  @Test
  void groupsOutOfNameOrderAreSortedFirst() {
    assertThat(userType(ROLE_BY_GROUP, "aws-dev", "aws-admins").asText()).isEqualTo("Developer");
  }

  @Test
  void groupsNotInTheMapAreIgnored() {
    assertThat(userType(ROLE_BY_GROUP, "aws-admins", "zz-staff").asText()).isEqualTo("Admin");
  }

  @Test
  void noMatchingGroupGivesNullAndTheDefaultApplies() {
    assertThat(userType(ROLE_BY_GROUP, "staff").isMissingNode()).isTrue();
    assertThat(userType(ROLE_BY_GROUP + " ?? 'Employee'", "staff").asText()).isEqualTo("Employee");
  }

  @Test
  void groupNamesMatchCaseSensitively() {
    assertThat(userType(ROLE_BY_GROUP, "AWS-ADMINS").isMissingNode()).isTrue();
  }

  @Test
  void thePrefixFormGivesTheRestOfTheLastMatchingGroupName() {
    String expression = "user.fromGroupPrefix('aws-role-')";

    assertThat(userType(expression, "aws-role-Admin", "aws-role-Developer", "staff").asText())
        .isEqualTo("Developer");
    assertThat(userType(expression, "staff").isMissingNode()).isTrue();
  }

  @Test
  void groupsCanSelectWholeObjects() {
    String expression =
        "user.fromGroups({'vip': [{'value': 'vip', 'primary': true}], 'staff': [{'value': 'staff'}]})";

    JsonNode roles =
        resource(users("roles", expression).mapUser(TestEntry.entry("k").groups("staff", "vip")))
            .path("roles");

    assertThat(roles.toString()).isEqualTo("[{\"primary\":true,\"value\":\"vip\"}]");
  }
}
