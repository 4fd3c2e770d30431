package org.scimsync.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The users: and groups: sections of config-example.yaml, verbatim. */
final class ConfigExample {

  private ConfigExample() {}

  static RuleSpec users() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("userName", "user.mail");
    map.put("displayName", "user.displayName ?? (user.givenName + ' ' + user.sn)");
    map.put("name.givenName", "user.givenName ?? user.cn");
    map.put("name.familyName", "user.sn");
    map.put("emails", "[{'value': user.mail, 'type': 'work', 'primary': true}]");
    map.put("title", "user.title");
    map.put("active", "user.employeeType != 'disabled'");
    map.put("enterprise.department", "user.departmentNumber");
    map.put("enterprise.employeeNumber", "user.employeeNumber");
    return new RuleSpec("user.mail != null", map, List.of("photos"));
  }

  static RuleSpec groups() {
    return new RuleSpec("group.cn =^ 'aws-'", Map.of("displayName", "group.cn"), List.of());
  }

  static MappingRules rules(SanitizerProfile profile) {
    return MappingRules.compile(users(), groups(), profile);
  }

  /** A complete user of the example directory. */
  static TestEntry ada() {
    return TestEntry.entry("uuid-ada")
        .dn("uid=ada,ou=people,dc=example,dc=com")
        .with("mail", "ada@example.com")
        .with("displayName", "Ada Lovelace")
        .with("givenName", "Ada")
        .with("sn", "Lovelace")
        .with("cn", "Ada Lovelace")
        .with("title", "Analyst")
        .with("employeeType", "staff")
        .with("departmentNumber", "R&D")
        .with("employeeNumber", "1815")
        .groups("aws-admins", "aws-dev");
  }
}
