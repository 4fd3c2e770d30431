package org.scimsync.sources.read;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.util.StaticUtils;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Distinguished names as member references: compared in UnboundID's normalised form, so case,
 * spacing and escaping differences ({@code cn=Smith\, John} vs {@code CN=smith\2C john}) do not
 * matter.
 *
 * <p>An instance remembers what it normalised: the same DN text appears once as an entry and again
 * in every group that lists it, and is parsed only once; equal references share one string. One
 * instance per read; thread-safe, so the entries of one read can be classified in parallel.
 */
public final class DnReferences {

  private final Map<String, String> normalised = new ConcurrentHashMap<>(1 << 18);

  /**
   * The normalised form of a DN or member value, or null when it is not a DN. A {@code
   * uniqueMember} value's optional unique-identifier suffix ({@code #'0101'B}) is ignored.
   */
  public @Nullable String normalize(String value) {
    String known = normalised.get(value);
    if (known != null) {
      return known;
    }
    String dn = withoutUniqueId(value);
    String normal = simpleNormalForm(dn);
    if (normal == null) {
      try {
        normal = new DN(dn).toNormalizedString();
      } catch (LDAPException e) {
        return null;
      }
    }
    String shared = normalised.putIfAbsent(normal, normal);
    if (shared != null) {
      normal = shared;
    }
    normalised.put(value, normal);
    return normal;
  }

  /**
   * The normalised form of a DN in the plain shape most directories export ({@code
   * uid=u1,ou=People,dc=example,dc=com}: attribute names of letters, digits and hyphens, values of
   * letters, digits, {@code .}, {@code _} and {@code -}, no spaces, escapes or multi-valued RDNs),
   * which is the DN in lower case; null for any other DN, which the DN parser then normalises. A
   * property test checks this against the parser.
   */
  static @Nullable String simpleNormalForm(String dn) {
    int length = dn.length();
    boolean inValue = false;
    boolean empty = true;
    int nameStart = 0;
    for (int i = 0; i < length; i++) {
      char c = dn.charAt(i);
      if (c == '=') {
        if (inValue || empty || !isAsciiLetter(dn.charAt(nameStart))) {
          return null;
        }
        inValue = true;
        empty = true;
      } else if (c == ',') {
        if (!inValue || empty) {
          return null;
        }
        inValue = false;
        empty = true;
        nameStart = i + 1;
      } else if (isAsciiLetter(c)
          || (c >= '0' && c <= '9')
          || c == '-'
          || (inValue && (c == '.' || c == '_'))) {
        empty = false;
      } else {
        return null;
      }
    }
    return inValue && !empty ? StaticUtils.toLowerCase(dn) : null;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * {@code value} without the optional unique identifier of a {@code uniqueMember} value (RFC 4517
   * NameAndOptionalUID: {@code #'0101'B} at the end).
   */
  static String withoutUniqueId(String value) {
    int end = value.length() - 2;
    if (end < 2 || value.charAt(end) != '\'' || value.charAt(end + 1) != 'B') {
      return value;
    }
    int i = end - 1;
    while (i >= 0 && (value.charAt(i) == '0' || value.charAt(i) == '1')) {
      i--;
    }
    if (i >= 1 && value.charAt(i) == '\'' && value.charAt(i - 1) == '#') {
      return value.substring(0, i - 1);
    }
    return value;
  }

  /**
   * Adds the normalised form of every value in {@code values} to {@code members}; a value that is
   * not a DN is given to {@code notDn} and left out.
   */
  public void addMembers(List<String> members, Iterable<String> values, Consumer<String> notDn) {
    for (String value : values) {
      String member = normalize(value);
      if (member == null) {
        notDn.accept(value);
      } else {
        members.add(member);
      }
    }
  }

  /** The value of the first attribute of the first RDN, or the whole DN when it has none. */
  public static String firstRdnValue(String dn) {
    try {
      RDN rdn = new DN(dn).getRDN();
      if (rdn != null && rdn.getAttributeValues().length > 0) {
        return rdn.getAttributeValues()[0];
      }
    } catch (LDAPException e) {
      return dn;
    }
    return dn;
  }
}
