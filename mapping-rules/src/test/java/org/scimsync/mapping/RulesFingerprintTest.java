package org.scimsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RulesFingerprintTest {

  private static final Map<String, String> MAP =
      Map.of("userName", "user.mail", "displayName", "user.cn");

  @Test
  void theSameRulesCompiledTwiceHaveTheSameFingerprint() {
    assertThat(compile(users("user.mail != null", MAP, List.of("photos"))).fingerprint())
        .isEqualTo(compile(users("user.mail != null", MAP, List.of("photos"))).fingerprint())
        .hasSize(64);
  }

  @Test
  void everyPartOfTheRulesTakesPart() {
    String base =
        compile(users("user.mail != null", MAP, List.of("photos")), SanitizerProfile.GENERIC)
            .fingerprint();

    assertThat(
            List.of(
                compile(users(null, MAP, List.of("photos")), SanitizerProfile.GENERIC),
                compile(
                    users("user.mail == null", MAP, List.of("photos")), SanitizerProfile.GENERIC),
                compile(
                    users("user.mail != null", Map.of("userName", "user.uid"), List.of("photos")),
                    SanitizerProfile.GENERIC),
                compile(users("user.mail != null", MAP, List.of()), SanitizerProfile.GENERIC),
                compile(
                    users("user.mail != null", MAP, List.of("photos")),
                    SanitizerProfile.AWS_IDENTITY_CENTER)))
        .extracting(MappingRules::fingerprint)
        .doesNotContain(base)
        .doesNotHaveDuplicates();
  }

  @Test
  void groupRulesTakePartToo() {
    RuleSpec users = users(null, MAP, List.of());

    assertThat(
            MappingRules.compile(
                    users,
                    new RuleSpec(null, Map.of("displayName", "group.cn"), List.of()),
                    SanitizerProfile.GENERIC)
                .fingerprint())
        .isNotEqualTo(
            MappingRules.compile(
                    users,
                    new RuleSpec(null, Map.of("displayName", "group.description"), List.of()),
                    SanitizerProfile.GENERIC)
                .fingerprint());
  }

  private static RuleSpec users(
      @Nullable String include, Map<String, String> map, List<String> drop) {
    Map<String, String> ordered = new LinkedHashMap<>(new TreeMap<>(map));
    return new RuleSpec(include, ordered, drop);
  }

  private static MappingRules compile(RuleSpec users) {
    return compile(users, SanitizerProfile.GENERIC);
  }

  private static MappingRules compile(RuleSpec users, SanitizerProfile profile) {
    return MappingRules.compile(users, RuleSpec.defaults(), profile);
  }
}
