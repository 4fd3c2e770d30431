package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.source.SourceUser;

class SourceFingerprintTest {

  @Test
  void theSameEntryReadTwiceHasTheSameFingerprintWhateverTheOrderAndCaseOfItsAttributeNames() {
    Map<String, List<Object>> first = new LinkedHashMap<>();
    first.put("mail", List.of("ada@example.com"));
    first.put("cn", List.of("Ada", "Ada Lovelace"));
    Map<String, List<Object>> second = new LinkedHashMap<>();
    second.put("CN", List.of("Ada", "Ada Lovelace"));
    second.put("Mail", List.of("ada@example.com"));

    assertThat(SourceFingerprint.of(user("k", "uid=ada", first, List.of("g"))))
        .isEqualTo(SourceFingerprint.of(user("k", "uid=ada", second, List.of("g"))))
        .hasSize(64)
        .matches("[0-9a-f]+");
  }

  @Test
  void everyPartOfTheEntryTakesPart() {
    Map<String, List<Object>> attributes = Map.of("cn", List.of("Ada", "Lovelace"));
    String base = SourceFingerprint.of(user("k", "uid=ada", attributes, List.of("g")));

    assertThat(
            List.of(
                user("k2", "uid=ada", attributes, List.of("g")),
                user("k", "uid=ada2", attributes, List.of("g")),
                user("k", null, attributes, List.of("g")),
                user("k", "uid=ada", attributes, List.of()),
                user("k", "uid=ada", attributes, List.of("g", "h")),
                user("k", "uid=ada", Map.of("cn", List.of("Lovelace", "Ada")), List.of("g")),
                user("k", "uid=ada", Map.of("cn", List.of("Ada")), List.of("g")),
                user("k", "uid=ada", Map.of("sn", List.of("Ada", "Lovelace")), List.of("g"))))
        .extracting(SourceFingerprint::of)
        .doesNotContain(base)
        .doesNotHaveDuplicates();
  }

  @Test
  void valuesCannotBeShiftedFromOneFieldIntoTheNext() {
    assertThat(SourceFingerprint.of(user("k", null, Map.of("a", List.of("xy", "z")), List.of())))
        .isNotEqualTo(
            SourceFingerprint.of(user("k", null, Map.of("a", List.of("x", "yz")), List.of())));
    assertThat(SourceFingerprint.of(user("k", null, Map.of("a", List.of("x")), List.of("y"))))
        .isNotEqualTo(SourceFingerprint.of(user("k", null, Map.of("a", List.of("xy")), List.of())));
  }

  @Test
  void aBinaryValueDiffersFromTheTextOfTheSameBytes() {
    byte[] bytes = "photo".getBytes(StandardCharsets.UTF_8);

    assertThat(SourceFingerprint.of(user("k", null, Map.of("a", List.of(bytes)), List.of())))
        .isNotEqualTo(
            SourceFingerprint.of(user("k", null, Map.of("a", List.of("photo")), List.of())))
        .isEqualTo(
            SourceFingerprint.of(user("k", null, Map.of("a", List.of(bytes.clone())), List.of())));
  }

  @Test
  void anEntryIsWorthAFingerprintUpToTheSizeLimitOfItsValues() {
    int limit = SourceFingerprint.MAX_VALUE_SIZE;

    assertThat(
            SourceFingerprint.isCheaperThanMapping(
                user("k", "uid=a", Map.of("a", List.of("x".repeat(limit - 1))), List.of("g"))))
        .isTrue();
    assertThat(
            SourceFingerprint.isCheaperThanMapping(
                user("k", null, Map.of("a", List.of("x".repeat(limit - 1), "yz")), List.of())))
        .isFalse();
    assertThat(
            SourceFingerprint.isCheaperThanMapping(
                user("k", null, Map.of("jpegPhoto", List.of(new byte[limit + 1])), List.of())))
        .isFalse();
    assertThat(
            SourceFingerprint.isCheaperThanMapping(
                user("k", null, Map.of("a", List.of("x")), List.of("g".repeat(limit)))))
        .isFalse();
  }

  private static SourceUser user(
      String key, String dn, Map<String, List<Object>> attributes, List<String> groups) {
    return new SourceUser(key, dn, attributes, groups);
  }
}
