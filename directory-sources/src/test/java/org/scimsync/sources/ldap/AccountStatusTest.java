package org.scimsync.sources.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scimsync.engine.source.Attributes;

/** The account-state rules of both flavors, value by value. */
class AccountStatusTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;

  private final List<String> warnings = new ArrayList<>();

  private Map<String, List<Object>> mark(LdapFlavor flavor, String... attributes) {
    Entry entry = new Entry("cn=x,dc=example,dc=com");
    for (String line : attributes) {
      int colon = line.indexOf(':');
      entry.addAttribute(line.substring(0, colon), line.substring(colon + 1).trim());
    }
    Attributes.Builder builder = new Attributes.Builder();
    AccountStatus.mark(flavor, entry, NOW, builder, "entry x", warnings::add);
    return builder.build();
  }

  private static String fileTime(Instant instant) {
    return Long.toString(FILETIME_UNIX_EPOCH + instant.getEpochSecond() * 10_000_000L);
  }

  @ParameterizedTest(name = "userAccountControl {0}: disabled {1}")
  @CsvSource({"512, false", "514, true", "66050, true", "66048, false", "544, false", "546, true"})
  void activeDirectoryDisablesOnTheAccountDisableBit(String control, String disabled) {
    assertThat(mark(LdapFlavor.ACTIVE_DIRECTORY, "userAccountControl: " + control))
        .containsEntry(LdapFlavor.ACCOUNT_DISABLED, List.of(disabled))
        .containsEntry(LdapFlavor.ACCOUNT_EXPIRED, List.of("false"))
        .containsEntry(LdapFlavor.ACCOUNT_LOCKED, List.of("false"));
  }

  @ParameterizedTest(name = "accountExpires {0}: expired {1}")
  @CsvSource({"0, false", "9223372036854775807, false", "PAST, true", "FUTURE, false"})
  void activeDirectoryExpiresOnAPastAccountExpires(String expires, String expired) {
    String value =
        switch (expires) {
          case "PAST" -> fileTime(NOW.minusSeconds(60));
          case "FUTURE" -> fileTime(NOW.plusSeconds(86_400));
          default -> expires;
        };

    assertThat(
            mark(
                LdapFlavor.ACTIVE_DIRECTORY, "userAccountControl: 512", "accountExpires: " + value))
        .containsEntry(LdapFlavor.ACCOUNT_EXPIRED, List.of(expired))
        .containsEntry(LdapFlavor.ACCOUNT_DISABLED, List.of("false"));
  }

  @ParameterizedTest(name = "lockoutTime {0}: locked {1}, never disabled")
  @CsvSource({"0, false", "133000000000000000, true"})
  void activeDirectoryLockoutIsNotDisabled(String lockoutTime, String locked) {
    assertThat(
            mark(
                LdapFlavor.ACTIVE_DIRECTORY,
                "userAccountControl: 512",
                "lockoutTime: " + lockoutTime))
        .containsEntry(LdapFlavor.ACCOUNT_LOCKED, List.of(locked))
        .containsEntry(LdapFlavor.ACCOUNT_DISABLED, List.of("false"));
  }

  @ParameterizedTest(name = "pwdAccountLockedTime {0}: disabled {1}")
  @CsvSource({
    "000001010000Z, true",
    "20261206115500Z, false",
    "20200101000000Z, false",
  })
  void openLdapDisablesOnlyOnThePermanentLock(String lockedTime, String disabled) {
    assertThat(mark(LdapFlavor.OPENLDAP, "pwdAccountLockedTime: " + lockedTime))
        .containsEntry(LdapFlavor.ACCOUNT_DISABLED, List.of(disabled))
        .containsEntry(LdapFlavor.ACCOUNT_LOCKED, List.of("true"));
  }

  @ParameterizedTest(name = "nsAccountLock {0}: disabled {1}")
  @CsvSource({"TRUE, true", "true, true", "false, false", "FALSE, false"})
  void openLdapDisablesOnNsAccountLock(String lock, String disabled) {
    assertThat(mark(LdapFlavor.OPENLDAP, "nsAccountLock: " + lock))
        .containsEntry(LdapFlavor.ACCOUNT_DISABLED, List.of(disabled))
        .containsEntry(LdapFlavor.ACCOUNT_LOCKED, List.of("false"));
  }

  @ParameterizedTest(name = "shadowExpire {0}: expired {1}")
  @CsvSource({"-1, false", "0, true", "YESTERDAY, true", "TODAY, true", "TOMORROW, false"})
  void openLdapExpiresOnAPastShadowExpire(String days, String expired) {
    long today = LocalDate.ofInstant(NOW, ZoneOffset.UTC).toEpochDay();
    String value =
        switch (days) {
          case "YESTERDAY" -> Long.toString(today - 1);
          case "TODAY" -> Long.toString(today);
          case "TOMORROW" -> Long.toString(today + 1);
          default -> days;
        };

    assertThat(mark(LdapFlavor.OPENLDAP, "shadowExpire: " + value))
        .containsEntry(LdapFlavor.ACCOUNT_EXPIRED, List.of(expired))
        .containsEntry(LdapFlavor.ACCOUNT_DISABLED, List.of("false"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ACTIVE_DIRECTORY, userAccountControl, accountDisabled",
    "ACTIVE_DIRECTORY, accountExpires, accountExpired",
    "OPENLDAP, shadowExpire, accountExpired",
  })
  void aValueThatIsNotANumberIsWarnedAndLeftOut(
      LdapFlavor flavor, String attribute, String result) {
    Map<String, List<Object>> marked = mark(flavor, attribute + ": soon");

    assertThat(marked).doesNotContainKey(result);
    assertThat(warnings)
        .containsExactly("entry x: " + attribute + " is not a number (soon); " + result + " unset");
  }
}
