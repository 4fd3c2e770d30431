package org.scimsync.sources.read;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.util.StaticUtils;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.Attributes;

/**
 * Converts LDAP entries (read from LDIF or from a server) into the attribute maps of source
 * entries.
 *
 * <p>A value is kept as {@code byte[]} when its attribute is known to be binary ({@link
 * #KNOWN_BINARY}, or any attribute with the {@code ;binary} option, which is then dropped from the
 * name) or when its bytes are not valid UTF-8; every other value is a {@link String}.
 */
public final class EntryAttributes {

  /** Attributes whose values are always binary, in lower case. */
  public static final Set<String> KNOWN_BINARY =
      Set.of(
          "jpegphoto",
          "photo",
          "thumbnailphoto",
          "audio",
          "objectguid",
          "objectsid",
          "sidhistory",
          "tokengroups",
          "msds-consistencyguid",
          "msexchmailboxguid",
          "usercertificate",
          "cacertificate",
          "usersmimecertificate",
          "userpkcs12",
          "certificaterevocationlist",
          "authorityrevocationlist",
          "crosscertificatepair");

  private static final String BINARY_OPTION = ";binary";

  /** Attributes whose values repeat across entries, so equal values share one string. */
  private static final Set<String> SHARED_VALUES =
      Set.of("objectclass", "objectcategory", "employeetype", "departmentnumber", "title");

  private static final int MAX_SHARED = 10_000;
  private static final Map<String, String> SHARED = new ConcurrentHashMap<>();
  private static final Map<String, Name> NAMES = new ConcurrentHashMap<>();

  private EntryAttributes() {}

  /**
   * The attributes of {@code entry}, without those whose name without options is in {@code
   * excluded} (lower case; so {@code member} also excludes {@code member;range=0-1499}), as an
   * immutable case-insensitive map.
   */
  public static Map<String, List<Object>> of(Entry entry, Set<String> excluded) {
    return builder(entry, excluded).build();
  }

  /** Like {@link #of}, for a caller that adds attributes of its own before building. */
  public static Attributes.Builder builder(Entry entry, Set<String> excluded) {
    Attributes.Builder attributes = new Attributes.Builder();
    for (Attribute attribute : entry.getAttributes()) {
      Name name = name(attribute.getName());
      if (!excluded.isEmpty() && excluded.contains(name.base())) {
        continue;
      }
      ASN1OctetString[] raw = attribute.getRawValues();
      Object[] values = new Object[raw.length];
      for (int i = 0; i < raw.length; i++) {
        Object value = value(name.binary(), raw[i]);
        values[i] = name.sharedValues() && value instanceof String text ? share(text) : value;
      }
      attributes.add(name.text(), List.of(values));
    }
    return attributes;
  }

  /**
   * What the name of an attribute says about it, worked out once per distinct name.
   *
   * @param text the name to use: shared, without a {@code ;binary} option
   * @param base the name in lower case without options, for {@code excluded}
   * @param binary whether the values are binary by name
   * @param sharedValues whether equal values are shared ({@link #SHARED_VALUES})
   */
  private record Name(String text, String base, boolean binary, boolean sharedValues) {}

  private static Name name(String raw) {
    Name known = NAMES.get(raw);
    if (known != null) {
      return known;
    }
    String lower = StaticUtils.toLowerCase(raw);
    int options = lower.indexOf(';');
    boolean binary = KNOWN_BINARY.contains(lower);
    String text = raw;
    if (options >= 0 && lower.endsWith(BINARY_OPTION)) {
      text = raw.substring(0, raw.length() - BINARY_OPTION.length());
      binary = true;
    }
    Name name =
        new Name(
            share(text),
            options < 0 ? lower : lower.substring(0, options),
            binary,
            SHARED_VALUES.contains(lower));
    if (NAMES.size() < MAX_SHARED) {
      NAMES.putIfAbsent(raw, name);
    }
    return name;
  }

  /**
   * One instance of a frequent string (attribute names, object classes): 60,000 entries each
   * carrying their own {@code "objectClass"} and {@code "inetOrgPerson"} would cost tens of
   * megabytes. The table is bounded, so unusual data cannot grow it without limit.
   */
  private static String share(String text) {
    String known = SHARED.get(text);
    if (known != null) {
      return known;
    }
    if (SHARED.size() < MAX_SHARED) {
      known = SHARED.putIfAbsent(text, text);
    }
    return known == null ? text : known;
  }

  /** The given attribute names in lower case, for {@code excluded} sets. */
  public static Set<String> lowerCase(Collection<String> names) {
    Set<String> lower = new HashSet<>();
    for (String name : names) {
      lower.add(name.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(lower);
  }

  /**
   * The key text of {@code entry} from the first value of {@code attribute} (see {@link #keyText}),
   * or null when the entry does not have the attribute.
   */
  public static @Nullable String key(Entry entry, String attribute) {
    Attribute values = entry.getAttribute(attribute);
    if (values == null || values.size() == 0) {
      return null;
    }
    boolean binary = KNOWN_BINARY.contains(attribute.toLowerCase(Locale.ROOT));
    return keyText(attribute, value(binary, values.getValueByteArrays()[0]));
  }

  /**
   * The name of a group entry: the first value of {@code nameAttribute}, else the value of the
   * first RDN, which is then also recorded as the group's {@code cn} in {@code attributes}.
   */
  public static String groupName(Entry entry, String nameAttribute, Attributes.Builder attributes) {
    String name = entry.getAttributeValue(nameAttribute);
    if (name == null) {
      name = DnReferences.firstRdnValue(entry.getDN());
      attributes.putIfAbsent("cn", List.of(name));
    }
    return name;
  }

  /**
   * A value as it appears in a source entry, like {@link #value(boolean, byte[])}; a value that
   * holds its text already (as the LDIF parser makes them) is not decoded again.
   */
  static Object value(boolean knownBinary, ASN1OctetString raw) {
    byte[] bytes = raw.getValue();
    if (knownBinary || !StaticUtils.isValidUTF8(bytes)) {
      return bytes;
    }
    return raw.stringValue();
  }

  /** A value as it appears in a source entry: the bytes themselves when binary, else a string. */
  public static Object value(boolean knownBinary, byte[] bytes) {
    if (knownBinary || !StaticUtils.isValidUTF8(bytes)) {
      return bytes;
    }
    return StaticUtils.toUTF8String(bytes);
  }

  /**
   * The text of a key value: strings as they are, a 16-byte {@code objectGUID} (or {@code
   * msDS-ConsistencyGuid}) as its canonical GUID string, other binary values in lower-case hex.
   */
  public static String keyText(String attribute, Object value) {
    if (value instanceof byte[] bytes) {
      String lower = attribute.toLowerCase(Locale.ROOT);
      if ((lower.equals("objectguid") || lower.equals("msds-consistencyguid"))
          && ObjectGuid.isGuid(bytes)) {
        return ObjectGuid.toCanonicalString(bytes);
      }
      return StaticUtils.toHex(bytes);
    }
    return value.toString().trim();
  }
}
