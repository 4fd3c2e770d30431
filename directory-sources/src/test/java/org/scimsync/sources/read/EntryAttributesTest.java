package org.scimsync.sources.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntryAttributesTest {

  private static Entry entry() {
    Entry entry = new Entry("cn=x,dc=example,dc=com");
    entry.addAttribute("objectClass", "top", "inetOrgPerson");
    entry.addAttribute("cn", "Zoë");
    entry.addAttribute("jpegPhoto", "ascii-looking bytes".getBytes(StandardCharsets.UTF_8));
    entry.addAttribute("userCertificate;binary", new byte[] {1, 2, 3});
    entry.addAttribute("x-blob", new byte[] {(byte) 0xc3, (byte) 0x28});
    entry.addAttribute("member", "cn=a,dc=example,dc=com");
    entry.addAttribute("member;range=0-1499", "cn=b,dc=example,dc=com");
    return entry;
  }

  @Test
  void keepsKnownBinaryAndInvalidUtf8ValuesAsBytesAndTextAsStrings() {
    Map<String, List<Object>> attributes = EntryAttributes.of(entry(), Set.of());

    assertThat(attributes.get("cn")).containsExactly("Zoë");
    assertThat(attributes.get("jpegPhoto").get(0)).isInstanceOf(byte[].class);
    assertThat(attributes.get("userCertificate")).singleElement().isEqualTo(new byte[] {1, 2, 3});
    assertThat(attributes.get("x-blob").get(0)).isInstanceOf(byte[].class);
    assertThat(attributes.get("objectClass")).containsExactly("top", "inetOrgPerson");
  }

  @Test
  void excludesAttributesByNameWithoutOptions() {
    Map<String, List<Object>> attributes = EntryAttributes.of(entry(), Set.of("member"));

    assertThat(attributes.keySet()).noneMatch(name -> name.toLowerCase().startsWith("member"));
  }

  @Test
  void sharesRepeatedNamesAndObjectClassesBetweenEntries() {
    Map<String, List<Object>> first = EntryAttributes.of(entry(), Set.of());
    Map<String, List<Object>> second = EntryAttributes.of(entry(), Set.of());

    String firstName =
        first.keySet().stream().filter("objectClass"::equals).findFirst().orElseThrow();
    String secondName =
        second.keySet().stream().filter("objectClass"::equals).findFirst().orElseThrow();
    assertThat(secondName).isSameAs(firstName);
    assertThat(second.get("objectClass").get(1)).isSameAs(first.get("objectClass").get(1));
  }

  @Test
  void rendersKeys() {
    Entry entry = new Entry("cn=x,dc=example,dc=com");
    entry.addAttribute("objectGUID", HexFormatBytes.GUID);
    entry.addAttribute("entryUUID", " 0b0e3f3a-1111-4c2e-9d9e-000000000001 ");
    entry.addAttribute("x-id", new byte[] {(byte) 0xff, 0x01});

    assertThat(EntryAttributes.key(entry, "objectguid"))
        .isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    assertThat(EntryAttributes.key(entry, "entryUUID"))
        .isEqualTo("0b0e3f3a-1111-4c2e-9d9e-000000000001");
    assertThat(EntryAttributes.key(entry, "x-id")).isEqualTo("ff01");
    assertThat(EntryAttributes.key(entry, "missing")).isNull();
  }

  private static final class HexFormatBytes {
    static final byte[] GUID =
        java.util.HexFormat.of().parseHex("e004253f894fd3119a0c0305e82c3301");
  }
}
