package org.scimsync.sources.ldap;

import com.unboundid.ldap.sdk.Entry;
import java.util.List;
import java.util.function.Consumer;
import org.scimsync.engine.source.Attributes;

/**
 * The disabled-account rule of each {@link LdapFlavor}, exposed the same way for both as the
 * attribute {@value LdapFlavor#ACCOUNT_DISABLED} ({@code true} or {@code false}), so one mapping
 * rule ({@code active: user.accountDisabled != 'true'}) works on either kind of server.
 */
final class DisabledAccounts {

  /** Active Directory's account flags; bit 2 (ACCOUNTDISABLE) means disabled. */
  static final String USER_ACCOUNT_CONTROL = "userAccountControl";

  /**
   * The password policy overlay's (ppolicy) lock time: present when the account is locked. It is
   * operational, so a search for {@code *} does not return it: it is requested by name.
   */
  static final String PWD_ACCOUNT_LOCKED_TIME = "pwdAccountLockedTime";

  private static final int ACCOUNTDISABLE = 0x2;

  private DisabledAccounts() {}

  /** The attribute the rule of {@code flavor} reads, to be requested in the user search. */
  static String attributeOf(LdapFlavor flavor) {
    return switch (flavor) {
      case ACTIVE_DIRECTORY -> USER_ACCOUNT_CONTROL;
      case OPENLDAP -> PWD_ACCOUNT_LOCKED_TIME;
    };
  }

  /**
   * Adds {@value LdapFlavor#ACCOUNT_DISABLED} to {@code attributes} as the rule of {@code flavor}
   * says; a value the rule cannot read is reported to {@code warnings} and the attribute left out.
   */
  static void mark(
      LdapFlavor flavor,
      Entry entry,
      Attributes.Builder attributes,
      String origin,
      Consumer<String> warnings) {
    switch (flavor) {
      case OPENLDAP -> put(attributes, entry.hasAttribute(PWD_ACCOUNT_LOCKED_TIME));
      case ACTIVE_DIRECTORY -> {
        String control = entry.getAttributeValue(USER_ACCOUNT_CONTROL);
        if (control == null) {
          return;
        }
        try {
          put(attributes, (Long.parseLong(control.trim()) & ACCOUNTDISABLE) != 0);
        } catch (NumberFormatException e) {
          warnings.accept(
              origin
                  + ": userAccountControl is not a number ("
                  + control
                  + "); accountDisabled unset");
        }
      }
    }
  }

  private static void put(Attributes.Builder attributes, boolean disabled) {
    attributes.put(LdapFlavor.ACCOUNT_DISABLED, List.of(Boolean.toString(disabled)));
  }
}
