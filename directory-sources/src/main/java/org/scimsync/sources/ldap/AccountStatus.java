package org.scimsync.sources.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.util.StaticUtils;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.Attributes;

/**
 * The account-state rules of each {@link LdapFlavor}, exposed the same way for both as attributes
 * of every user, {@code true} or {@code false}, so one mapping rule works on either kind of server
 * ({@code active: user.accountDisabled != 'true' && user.accountExpired != 'true'}):
 *
 * <ul>
 *   <li>{@value LdapFlavor#ACCOUNT_DISABLED}: an administrator disabled the account. Active
 *       Directory: bit 2 (ACCOUNTDISABLE) of {@code userAccountControl}. OpenLDAP: the password
 *       policy overlay's permanent lock, {@code pwdAccountLockedTime: 000001010000Z}, or {@code
 *       nsAccountLock: TRUE} (389 Directory Server, Red Hat IdM).
 *   <li>{@value LdapFlavor#ACCOUNT_EXPIRED}: the account's end date has passed. Active Directory:
 *       {@code accountExpires} (0 and 2^63-1 are "never"). OpenLDAP: {@code shadowExpire} (days
 *       since 1970-01-01; -1 is "never").
 *   <li>{@value LdapFlavor#ACCOUNT_LOCKED}: a lockout after wrong passwords is recorded ({@code
 *       lockoutTime} above 0; {@code pwdAccountLockedTime} with any value). Both servers leave it
 *       in place after the lockout has run out until the next successful bind, so it is no reason
 *       to deprovision, and it is not part of {@value LdapFlavor#ACCOUNT_DISABLED}.
 * </ul>
 *
 * Their attributes are requested by name: {@code pwdAccountLockedTime} is operational.
 */
final class AccountStatus {

  static final String USER_ACCOUNT_CONTROL = "userAccountControl";
  static final String ACCOUNT_EXPIRES = "accountExpires";
  static final String LOCKOUT_TIME = "lockoutTime";
  static final String PWD_ACCOUNT_LOCKED_TIME = "pwdAccountLockedTime";
  static final String NS_ACCOUNT_LOCK = "nsAccountLock";
  static final String SHADOW_EXPIRE = "shadowExpire";

  /**
   * The lock time the password policy overlay treats as "locked until an administrator unlocks".
   */
  static final String PERMANENT_LOCK = "000001010000Z";

  private static final int ACCOUNTDISABLE = 0x2;
  private static final long NEVER = Long.MAX_VALUE;
  private static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;

  private AccountStatus() {}

  /** The attributes the rules of {@code flavor} read, to be requested in the user search. */
  static List<String> attributesOf(LdapFlavor flavor) {
    return switch (flavor) {
      case ACTIVE_DIRECTORY -> List.of(USER_ACCOUNT_CONTROL, ACCOUNT_EXPIRES, LOCKOUT_TIME);
      case OPENLDAP -> List.of(PWD_ACCOUNT_LOCKED_TIME, NS_ACCOUNT_LOCK, SHADOW_EXPIRE);
    };
  }

  /**
   * Adds the account-state attributes to {@code attributes} as the rules of {@code flavor} say, at
   * {@code now}; a value a rule cannot read is reported to {@code warnings} and its attribute left
   * out.
   */
  static void mark(
      LdapFlavor flavor,
      Entry entry,
      Instant now,
      Attributes.Builder attributes,
      String origin,
      Consumer<String> warnings) {
    Rule rule = new Rule(entry, attributes, origin, warnings);
    switch (flavor) {
      case ACTIVE_DIRECTORY -> {
        Long control = rule.number(USER_ACCOUNT_CONTROL, LdapFlavor.ACCOUNT_DISABLED);
        if (control != null) {
          rule.put(LdapFlavor.ACCOUNT_DISABLED, (control & ACCOUNTDISABLE) != 0);
        }
        Long expires = rule.number(ACCOUNT_EXPIRES, LdapFlavor.ACCOUNT_EXPIRED);
        if (expires != null || !entry.hasAttribute(ACCOUNT_EXPIRES)) {
          rule.put(LdapFlavor.ACCOUNT_EXPIRED, expires != null && expired(expires, now));
        }
        Long lockout = rule.number(LOCKOUT_TIME, LdapFlavor.ACCOUNT_LOCKED);
        if (lockout != null || !entry.hasAttribute(LOCKOUT_TIME)) {
          rule.put(LdapFlavor.ACCOUNT_LOCKED, lockout != null && lockout > 0);
        }
      }
      case OPENLDAP -> {
        String lockedTime = entry.getAttributeValue(PWD_ACCOUNT_LOCKED_TIME);
        String nsLock = entry.getAttributeValue(NS_ACCOUNT_LOCK);
        rule.put(
            LdapFlavor.ACCOUNT_DISABLED,
            PERMANENT_LOCK.equals(lockedTime == null ? null : lockedTime.trim())
                || nsLock != null && StaticUtils.toLowerCase(nsLock.trim()).equals("true"));
        rule.put(LdapFlavor.ACCOUNT_LOCKED, lockedTime != null);
        Long shadowExpire = rule.number(SHADOW_EXPIRE, LdapFlavor.ACCOUNT_EXPIRED);
        if (shadowExpire != null || !entry.hasAttribute(SHADOW_EXPIRE)) {
          rule.put(
              LdapFlavor.ACCOUNT_EXPIRED,
              shadowExpire != null
                  && shadowExpire >= 0
                  && !LocalDate.ofEpochDay(shadowExpire)
                      .isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC)));
        }
      }
    }
  }

  /** Whether an {@code accountExpires} value (100 ns since 1601-01-01 UTC) lies before now. */
  private static boolean expired(long fileTime, Instant now) {
    if (fileTime <= 0 || fileTime == NEVER) {
      return false;
    }
    long sinceUnixEpoch = fileTime - FILETIME_UNIX_EPOCH;
    Instant end =
        Instant.ofEpochSecond(
            Math.floorDiv(sinceUnixEpoch, 10_000_000L),
            Math.floorMod(sinceUnixEpoch, 10_000_000L) * 100);
    return !end.isAfter(now);
  }

  /** One entry's rules: reads numbers, warns about the unreadable, writes the results. */
  private record Rule(
      Entry entry, Attributes.Builder attributes, String origin, Consumer<String> warnings) {

    @Nullable Long number(String attribute, String result) {
      String value = entry.getAttributeValue(attribute);
      if (value == null) {
        return null;
      }
      try {
        return Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        warnings.accept(
            origin + ": " + attribute + " is not a number (" + value + "); " + result + " unset");
        return null;
      }
    }

    void put(String attribute, boolean value) {
      attributes.put(attribute, List.of(Boolean.toString(value)));
    }
  }
}
