package org.scimsync.sources.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DnReferencesTest {

  /** Strings made of DN-ish characters, most of them plain DNs, some not DNs at all. */
  @Provide
  Arbitrary<String> dnLike() {
    return Arbitraries.strings().withChars("aZq09=,.-_ +\\#\"").ofMinLength(0).ofMaxLength(30);
  }

  @Provide
  Arbitrary<String> plainDns() {
    Arbitrary<String> name =
        Arbitraries.strings().withChars("aBcUID-2").ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> value =
        Arbitraries.strings().withChars("xYz09._-").ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> rdn =
        net.jqwik.api.Combinators.combine(name, value).as((n, v) -> n + "=" + v);
    return rdn.list().ofMinSize(1).ofMaxSize(5).map(rdns -> String.join(",", rdns));
  }

  @Property(tries = 2000)
  void theShortcutAgreesWithTheParserWheneverItAnswers(@ForAll("dnLike") String text) {
    assertAgreement(text);
  }

  @Property(tries = 1000)
  void theShortcutAgreesWithTheParserOnPlainDns(@ForAll("plainDns") String text) {
    assertAgreement(text);
  }

  private static void assertAgreement(String text) {
    String simple = DnReferences.simpleNormalForm(text);
    if (simple == null) {
      return;
    }
    String parsed;
    try {
      parsed = new DN(text).toNormalizedString();
    } catch (LDAPException e) {
      throw new AssertionError("the shortcut accepted what the parser refuses: " + text, e);
    }
    assertThat(simple).as(text).isEqualTo(parsed);
  }

  @Test
  void normalisesPlainAndEscapedDnsAlike() {
    DnReferences references = new DnReferences();

    assertThat(references.normalize("UID=Alice,OU=People,DC=Example,DC=Com"))
        .isEqualTo("uid=alice,ou=people,dc=example,dc=com");
    assertThat(references.normalize("uid=alice, ou=People, dc=example, dc=com"))
        .isEqualTo("uid=alice,ou=people,dc=example,dc=com");
    assertThat(references.normalize("cn=Smith\\, John,dc=x"))
        .isEqualTo(references.normalize("CN=smith\\2C john,DC=X"));
    assertThat(references.normalize("uid=a,dc=x#'0101'B")).isEqualTo("uid=a,dc=x");
    assertThat(references.normalize("not a dn")).isNull();
    assertThat(DnReferences.simpleNormalForm("uid=u1,ou=People,dc=example,dc=com"))
        .isEqualTo("uid=u1,ou=people,dc=example,dc=com");
    assertThat(DnReferences.simpleNormalForm("cn=a b,dc=x")).isNull();
    assertThat(DnReferences.simpleNormalForm("2.5.4.3=a,dc=x")).isNull();
  }

  @Test
  void reportsValuesThatAreNotDns() {
    DnReferences references = new DnReferences();
    List<String> members = new ArrayList<>();
    List<String> notDns = new ArrayList<>();

    references.addMembers(members, List.of("uid=a,dc=x", "garbage"), notDns::add);

    assertThat(members).containsExactly("uid=a,dc=x");
    assertThat(notDns).containsExactly("garbage");
  }
}
