package org.scimsync.mapping;

/** How mapped resources are made acceptable to the target (the {@code target.profile} key). */
public enum SanitizerProfile {
  /**
   * AWS IAM Identity Center: removes the attributes it refuses, cleans every string to the
   * characters it accepts (removing controls and format characters, turning other spaces into
   * U+0020, removing values left empty), keeps one email, phone number, address and role, marks the
   * email primary, and rejects users without userName, displayName, name.givenName or
   * name.familyName, with a userName over 128 characters or reserved, or a displayName outside 1 to
   * 1024 characters; groups need a displayName that is not reserved.
   */
  AWS_IDENTITY_CENTER,
  /** Any RFC 7644 service provider: only the {@code drop} lists and the JSON shape checks apply. */
  GENERIC
}
