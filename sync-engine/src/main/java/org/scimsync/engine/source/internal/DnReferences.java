package org.scimsync.engine.source.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Distinguished names as member references: compared in UnboundID's normalised form, so case,
 * spacing and escaping differences ({@code cn=Smith\, John} vs {@code CN=smith\2C john}) do not
 * matter.
 */
public final class DnReferences {

  /**
   * The optional unique identifier of a {@code uniqueMember} value (RFC 4517 NameAndOptionalUID).
   */
  private static final Pattern UNIQUE_ID = Pattern.compile("#'[01]*'B$");

  private DnReferences() {}

  /**
   * The normalised form of a member value, or null when it is not a DN. A {@code uniqueMember}
   * value's optional unique-identifier suffix ({@code #'0101'B}) is ignored.
   */
  public static @Nullable String normalize(String value) {
    String dn = value;
    Matcher uid = UNIQUE_ID.matcher(value);
    if (uid.find()) {
      dn = value.substring(0, uid.start());
    }
    try {
      return new DN(dn).toNormalizedString();
    } catch (LDAPException e) {
      return null;
    }
  }

  /** The value of the first attribute of the first RDN, or the whole DN when it has none. */
  public static String firstRdnValue(DN dn) {
    RDN rdn = dn.getRDN();
    if (rdn == null || rdn.getAttributeValues().length == 0) {
      return dn.toString();
    }
    return rdn.getAttributeValues()[0];
  }
}
