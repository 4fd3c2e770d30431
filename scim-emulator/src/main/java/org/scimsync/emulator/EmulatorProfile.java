package org.scimsync.emulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which SCIM service provider the emulator imitates. */
public enum EmulatorProfile {
  /**
   * AWS IAM Identity Center: strict validation, cursor paging, no members on reads, at most 100
   * membership changes per PATCH, no PUT for groups, the AWS error bodies.
   */
  AWS_IDENTITY_CENTER("aws-identity-center"),
  /** A plain, lenient RFC 7644 provider: startIndex paging, members readable, PUT for groups. */
  RFC7644("rfc7644");

  private final String cliName;

  EmulatorProfile(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and in configuration, e.g. {@code aws-identity-center}. */
  public String cliName() {
    return cliName;
  }

  /**
   * Finds a profile by its command-line name (case-insensitive) or enum name.
   *
   * @throws EmulatorException of kind {@link EmulatorException.Kind#INVALID_INPUT} if unknown
   */
  public static EmulatorProfile fromCliName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (EmulatorProfile profile : values()) {
      if (profile.cliName.equals(wanted) || profile.name().equalsIgnoreCase(wanted)) {
        return profile;
      }
    }
    throw new EmulatorException(
        EmulatorException.Kind.INVALID_INPUT,
        "unknown emulator profile '"
            + name
            + "', expected one of "
            + Arrays.stream(values())
                .map(EmulatorProfile::cliName)
                .collect(Collectors.joining(", ")));
  }
}
