package org.scimsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders and accessors shared by the tests. */
final class Rules {

  private Rules() {}

  /** Rules whose users section maps {@code target, expression, target, expression, ...}. */
  static MappingRules users(SanitizerProfile profile, String... targetsAndExpressions) {
    return MappingRules.compile(
        new RuleSpec(null, map(targetsAndExpressions), List.of()), RuleSpec.defaults(), profile);
  }

  /** GENERIC rules whose users section maps {@code target, expression, ...}. */
  static MappingRules users(String... targetsAndExpressions) {
    return users(SanitizerProfile.GENERIC, targetsAndExpressions);
  }

  static Map<String, String> map(String... targetsAndExpressions) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < targetsAndExpressions.length; i += 2) {
      map.put(targetsAndExpressions[i], targetsAndExpressions[i + 1]);
    }
    return map;
  }

  static MappingResult.Mapped mapped(MappingResult result) {
    assertThat(result).isInstanceOf(MappingResult.Mapped.class);
    return (MappingResult.Mapped) result;
  }

  static ObjectNode resource(MappingResult result) {
    return mapped(result).resource();
  }

  static MappingResult.Rejected rejected(MappingResult result) {
    assertThat(result).isInstanceOf(MappingResult.Rejected.class);
    return (MappingResult.Rejected) result;
  }

  /** A user that passes the AWS checks with the default mapping. */
  static TestEntry person(String key) {
    return TestEntry.entry(key)
        .with("mail", key + "@example.com")
        .with("displayName", "Person " + key)
        .with("givenName", "Person")
        .with("sn", key);
  }
}
