package org.scimsync.engine.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scimsync.common.Sha256;
import org.scimsync.engine.source.SourceUser;

/**
 * The fingerprint of everything a mapping rule can see of a source user: its key, DN, attributes
 * (names in lower case, values in order, text or binary) and groups. SHA-256 over a length-prefixed
 * encoding, so that no two different entries give the same input; two reads of an unchanged entry
 * give the same fingerprint whatever the order or the case in which the attribute names came.
 *
 * <p>A cryptographic hash, not a faster one such as Murmur3: whoever may edit some attributes of an
 * entry must not be able to craft a change that keeps the fingerprint, which would hide a change an
 * administrator makes at the same time (a disabled account) from incremental runs.
 */
public final class SourceFingerprint {

  /**
   * Entries whose values hold more than this many characters or bytes are mapped on every run
   * instead: hashing them would cost more than mapping them (a directory with photos: an Active
   * Directory {@code thumbnailPhoto} is often 5-100 KB, and mapping never reads it).
   */
  static final int MAX_VALUE_SIZE = 4_096;

  private SourceFingerprint() {}

  /**
   * Whether a user is small enough for its fingerprint to be cheaper than mapping it: the lengths
   * of its values (characters of text, bytes of binary values) and of the names of its groups add
   * up to at most {@link #MAX_VALUE_SIZE}.
   */
  public static boolean isCheaperThanMapping(SourceUser user) {
    long size = 0;
    for (String group : user.groups()) {
      size += group.length();
    }
    for (List<Object> values : user.attributes().values()) {
      for (Object value : values) {
        size += value instanceof byte[] bytes ? bytes.length : String.valueOf(value).length();
        if (size > MAX_VALUE_SIZE) {
          return false;
        }
      }
    }
    return true;
  }

  /** The fingerprint of a user, as 64 hexadecimal digits. */
  public static String of(SourceUser user) {
    MessageDigest digest = Sha256.digest();
    StringBuilder text = new StringBuilder(1024);
    field(text, 'k', user.key());
    if (user.dn() != null) {
      field(text, 'd', user.dn());
    }
    for (Map.Entry<String, List<Object>> attribute : user.attributes().entrySet()) {
      field(text, 'a', attribute.getKey().toLowerCase(Locale.ROOT));
      for (Object value : attribute.getValue()) {
        if (value instanceof byte[] bytes) {
          text.append('b').append(bytes.length).append(':');
          flush(text, digest);
          digest.update(bytes);
        } else {
          field(text, 'v', String.valueOf(value));
        }
      }
    }
    for (String group : user.groups()) {
      field(text, 'g', group);
    }
    flush(text, digest);
    return HexFormat.of().formatHex(digest.digest());
  }

  /** A tagged field, its length first, so that no two different entries give the same text. */
  private static void field(StringBuilder text, char tag, String value) {
    text.append(tag).append(value.length()).append(':').append(value);
  }

  private static void flush(StringBuilder text, MessageDigest digest) {
    digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
    text.setLength(0);
  }
}
