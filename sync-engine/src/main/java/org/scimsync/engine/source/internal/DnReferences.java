package org.scimsync.engine.source.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Distinguished names as member references: compared in UnboundID's normalised form, so case,
 * spacing and escaping differences ({@code cn=Smith\, John} vs {@code CN=smith\2C john}) do not
 * matter.
 *
 * <p>An instance remembers what it normalised: the same DN text appears once as an entry and again
 * in every group that lists it, and is parsed only once; equal references share one string. One
 * instance per read; not thread-safe.
 */
public final class DnReferences {

  /**
   * The optional unique identifier of a {@code uniqueMember} value (RFC 4517 NameAndOptionalUID).
   */
  private static final Pattern UNIQUE_ID = Pattern.compile("#'[01]*'B$");

  private final Map<String, String> normalised = new HashMap<>(1 << 16);

  /**
   * The normalised form of a DN or member value, or null when it is not a DN. A {@code
   * uniqueMember} value's optional unique-identifier suffix ({@code #'0101'B}) is ignored.
   */
  public @Nullable String normalize(String value) {
    String known = normalised.get(value);
    if (known != null) {
      return known;
    }
    String dn = value;
    if (value.endsWith("'B")) {
      Matcher uid = UNIQUE_ID.matcher(value);
      if (uid.find()) {
        dn = value.substring(0, uid.start());
      }
    }
    String normal;
    try {
      normal = new DN(dn).toNormalizedString();
    } catch (LDAPException e) {
      return null;
    }
    String shared = normalised.putIfAbsent(normal, normal);
    if (shared != null) {
      normal = shared;
    }
    normalised.put(value, normal);
    return normal;
  }

  /**
   * Adds the normalised form of every value in {@code values} to {@code members}; a value that is
   * not a DN is reported to {@code warnings} (naming {@code origin} and {@code attribute}) and left
   * out.
   */
  public void addMembers(
      List<String> members,
      Iterable<String> values,
      String origin,
      String attribute,
      Consumer<String> warnings) {
    for (String value : values) {
      String member = normalize(value);
      if (member == null) {
        warnings.accept(origin + ": " + attribute + " value is not a DN, ignored: " + value);
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
