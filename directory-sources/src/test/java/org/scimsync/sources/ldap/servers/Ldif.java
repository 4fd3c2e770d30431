package org.scimsync.sources.ldap.servers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Writes LDIF (RFC 2849) content records; values that are not plain ASCII are base64. */
final class Ldif {

  private final StringBuilder text = new StringBuilder();

  /** Starts an entry. */
  Ldif entry(String dn) {
    if (!text.isEmpty()) {
      text.append('\n');
    }
    return line("dn", dn);
  }

  /** Adds one value per line. */
  Ldif attribute(String name, String... values) {
    for (String value : values) {
      line(name, value);
    }
    return this;
  }

  /** Adds a binary value (always base64). */
  Ldif binary(String name, byte[] value) {
    text.append(name).append(":: ").append(Base64.getEncoder().encodeToString(value)).append('\n');
    return this;
  }

  private Ldif line(String name, String value) {
    boolean safe =
        !value.isEmpty()
            && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
            && value.charAt(0) != ' '
            && value.charAt(0) != ':'
            && value.charAt(0) != '<'
            && !value.endsWith(" ");
    if (safe) {
      text.append(name).append(": ").append(value).append('\n');
    } else {
      text.append(name)
          .append(":: ")
          .append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
          .append('\n');
    }
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
