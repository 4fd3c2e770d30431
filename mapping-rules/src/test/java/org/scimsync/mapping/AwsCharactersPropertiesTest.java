package org.scimsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever the directory holds, the AWS profile sends only strings AWS accepts, or skips the object
 * with a reason naming the attribute. The rule is the one of the AWS sheet, compiled here as a
 * regular expression; the sanitizer implements it as a scan of code points.
 */
class AwsCharactersPropertiesTest {

  /** AWS Identity Store strings (docs/AWS-IDENTITY-CENTER.md, "Characters"). */
  private static final Pattern AWS = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+");

  private static final Pattern OTHER_SPACES = Pattern.compile("[\\p{Zs}\\p{Zl}\\p{Zp}]");
  private static final Pattern REFUSED =
      Pattern.compile("[^\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]");

  private static final String[] REQUIRED = {
    "userName", "displayName", "name.givenName", "name.familyName"
  };

  private static final MappingRules RULES = rules();

  private static MappingRules rules() {
    Map<String, String> users = new LinkedHashMap<>();
    users.put("userName", "user.uid");
    users.put("displayName", "user.displayName");
    users.put("name.givenName", "user.givenName");
    users.put("name.familyName", "user.sn");
    users.put("title", "user.title");
    users.put("emails", "[{'value': user.mail, 'type': user.mailType, 'primary': true}]");
    users.put("addresses", "[{'formatted': user.street, 'locality': user.l}]");
    users.put("enterprise.department", "user.department");
    users.put("enterprise.manager", "{'value': user.manager}");
    return MappingRules.compile(
        new RuleSpec(null, users, List.of()),
        RuleSpec.defaults(),
        SanitizerProfile.AWS_IDENTITY_CENTER);
  }

  /** The directory attributes the rules read, each with the SCIM attribute it becomes. */
  private static final String[][] ATTRIBUTES = {
    {"uid", "userName"},
    {"displayName", "displayName"},
    {"givenName", "name.givenName"},
    {"sn", "name.familyName"},
    {"title", "title"},
    {"mail", "emails.value"},
    {"mailType", "emails.type"},
    {"street", "addresses.formatted"},
    {"l", "addresses.locality"},
    {"department", "enterprise.department"},
    {"manager", "enterprise.manager.value"},
  };

  @Property(tries = 1_000)
  void everyUserStringSentIsOneAwsAcceptsOrTheUserIsSkippedWithAReason(
      @ForAll("directoryValues") List<String> values) {
    TestEntry entry = TestEntry.entry("k");
    for (int i = 0; i < ATTRIBUTES.length; i++) {
      entry.with(ATTRIBUTES[i][0], values.get(i));
    }

    MappingResult result = RULES.mapUser(entry);

    if (result instanceof MappingResult.Rejected rejected) {
      assertThat(rejected.failure()).as("not an expression failure").isNull();
      assertThat(rejected.reason()).matches(reasonNamingARequiredAttribute());
      assertThat(requiredLeftEmpty(values)).as(rejected.reason()).isTrue();
      return;
    }
    assertThat(result).isInstanceOf(MappingResult.Mapped.class);
    MappingResult.Mapped mapped = (MappingResult.Mapped) result;
    assertThat(requiredLeftEmpty(values)).isFalse();
    List<String> sent = new ArrayList<>();
    strings(mapped.resource(), sent);
    assertThat(sent).allSatisfy(text -> assertThat(AWS.matcher(text).matches()).as(text).isTrue());
    for (int i = 0; i < ATTRIBUTES.length; i++) {
      String expected = reference(values.get(i));
      if (ATTRIBUTES[i][1].equals("emails.type") && reference(values.get(5)).isEmpty()) {
        expected = ""; // an email without its value is left out, type and all
      }
      JsonNode node = at(mapped.resource(), ATTRIBUTES[i][1]);
      if (expected.isEmpty()) {
        assertThat(node.isMissingNode()).as(ATTRIBUTES[i][1]).isTrue();
      } else {
        assertThat(node.asText()).as(ATTRIBUTES[i][1]).isEqualTo(expected);
      }
      if (AWS.matcher(values.get(i)).matches()) {
        String label = ATTRIBUTES[i][1];
        assertThat(mapped.warnings()).noneMatch(w -> w.startsWith(label + ":"));
      }
    }
  }

  @Property(tries = 1_000)
  void everyGroupDisplayNameSentIsOneAwsAcceptsOrTheGroupIsSkippedWithAReason(
      @ForAll("text") String name) {
    MappingRules rules =
        MappingRules.compile(
            RuleSpec.defaults(), RuleSpec.defaults(), SanitizerProfile.AWS_IDENTITY_CENTER);

    MappingResult result = rules.mapGroup(TestEntry.entry("g").with("cn", name));

    if (reference(name).isEmpty()) {
      assertThat(result).isInstanceOf(MappingResult.Rejected.class);
      assertThat(((MappingResult.Rejected) result).reason())
          .matches(
              "displayName has only characters AWS refuses \\(\\d+\\), and the target requires it"
                  + "|required by the target but missing: displayName");
    } else {
      MappingResult.Mapped mapped = (MappingResult.Mapped) result;
      String sent = mapped.resource().path("displayName").asText();
      assertThat(AWS.matcher(sent).matches()).isTrue();
      assertThat(sent).isEqualTo(reference(name));
    }
  }

  /**
   * What the sanitizer should make of a value, written with the sheet's character classes: other
   * spaces become U+0020, characters outside the rule go.
   */
  private static String reference(String value) {
    return REFUSED.matcher(OTHER_SPACES.matcher(value).replaceAll(" ")).replaceAll("");
  }

  private static boolean requiredLeftEmpty(List<String> values) {
    for (int i = 0; i < REQUIRED.length; i++) {
      if (reference(values.get(i)).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String reasonNamingARequiredAttribute() {
    String names = "(userName|displayName|name\\.givenName|name\\.familyName)";
    return names
        + " has only characters AWS refuses \\(\\d+\\), and the target requires it"
        + "|required by the target but missing: "
        + names
        + "(, "
        + names
        + ")*";
  }

  private static JsonNode at(JsonNode resource, String label) {
    String[] parts = label.split("\\.");
    JsonNode node = resource;
    int first = 0;
    if (parts[0].equals("enterprise")) {
      node = resource.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
      first = 1;
    }
    for (int i = first; i < parts.length; i++) {
      node = node.isArray() ? node.path(0).path(parts[i]) : node.path(parts[i]);
    }
    return node;
  }

  private static void strings(JsonNode node, List<String> into) {
    if (node.isTextual()) {
      into.add(node.asText());
    }
    node.forEach(child -> strings(child, into));
  }

  @Provide
  Arbitrary<List<String>> directoryValues() {
    return text().list().ofSize(ATTRIBUTES.length);
  }

  /**
   * Strings as HR exports and directories hold them: mostly printable text, with controls, format
   * characters, other spaces, private use, unassigned code points, lone surrogates and any code
   * point at all mixed in.
   */
  @Provide
  Arbitrary<String> text() {
    Arbitrary<Integer> codePoints =
        Arbitraries.frequencyOf(
            Tuple.of(30, Arbitraries.integers().between(0x20, 0x7e)),
            Tuple.of(4, Arbitraries.of(0xe9, 0xdf, 0x0301, 0x4e2d, 0x1f600, 0x10400, 0x2014)),
            Tuple.of(2, Arbitraries.of((int) '\t', (int) '\n', (int) '\r')),
            Tuple.of(4, Arbitraries.integers().between(0x00, 0x1f)),
            Tuple.of(2, Arbitraries.integers().between(0x7f, 0x9f)),
            Tuple.of(
                5, Arbitraries.of(0x200b, 0x00ad, 0xfeff, 0x200e, 0x200f, 0x2060, 0x061c, 0xe0001)),
            Tuple.of(
                5,
                Arbitraries.of(
                    0x00a0, 0x2009, 0x2000, 0x200a, 0x202f, 0x205f, 0x3000, 0x1680, 0x2028,
                    0x2029)),
            Tuple.of(2, Arbitraries.of(0xe000, 0xf8ff, 0xf0000, 0x10fffd)),
            Tuple.of(2, Arbitraries.of(0x0378, 0xfffe, 0xffff, 0x10ffff, 0xe0080)),
            Tuple.of(2, Arbitraries.integers().between(0xd800, 0xdfff)),
            Tuple.of(3, Arbitraries.integers().between(0, Character.MAX_CODE_POINT)));
    return codePoints
        .list()
        .ofMaxSize(12)
        .map(
            list -> {
              StringBuilder text = new StringBuilder();
              for (int codePoint : list) {
                if (Character.isSurrogate((char) codePoint) && codePoint <= 0xffff) {
                  text.append((char) codePoint);
                } else {
                  text.appendCodePoint(codePoint);
                }
              }
              return text.toString();
            });
  }
}
