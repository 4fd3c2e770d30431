package org.scimsync.sources.read;

import org.jspecify.annotations.Nullable;

/**
 * Renders an Active Directory security identifier ({@code objectSid}, binary) as its string form,
 * e.g. {@code S-1-5-21-1004336348-1177238915-682003330-513}: a revision byte, a count of
 * sub-authorities, a 48-bit big-endian identifier authority, then that many 32-bit little-endian
 * sub-authorities, the last of which is the relative identifier (RID).
 */
public final class ObjectSid {

  private ObjectSid() {}

  /** The string form of {@code bytes}, or null when they are not a well-formed SID. */
  public static @Nullable String toText(byte @Nullable [] bytes) {
    if (bytes == null || bytes.length < 8) {
      return null;
    }
    int count = bytes[1] & 0xff;
    if (bytes.length != 8 + 4 * count) {
      return null;
    }
    long authority = 0;
    for (int i = 2; i < 8; i++) {
      authority = (authority << 8) | (bytes[i] & 0xff);
    }
    StringBuilder text = new StringBuilder("S-").append(bytes[0] & 0xff).append('-');
    text.append(authority);
    for (int i = 0; i < count; i++) {
      int at = 8 + 4 * i;
      long sub =
          (bytes[at] & 0xffL)
              | (bytes[at + 1] & 0xffL) << 8
              | (bytes[at + 2] & 0xffL) << 16
              | (bytes[at + 3] & 0xffL) << 24;
      text.append('-').append(sub);
    }
    return text.toString();
  }

  /**
   * The SID of the same domain with another relative identifier: {@code S-1-5-21-a-b-c-1104} with
   * {@code 513} is {@code S-1-5-21-a-b-c-513} (how a user's {@code primaryGroupID} names its
   * group).
   */
  public static String withRid(String sid, long rid) {
    int last = sid.lastIndexOf('-');
    return sid.substring(0, last + 1) + rid;
  }

  /**
   * The binary form of a SID's string form ({@link #toText} reversed), for search filters.
   *
   * @throws IllegalArgumentException when {@code sid} is not {@code S-R-A-S1-...-Sn}
   */
  public static byte[] toBytes(String sid) {
    String[] parts = sid.split("-");
    if (parts.length < 3 || !parts[0].equalsIgnoreCase("S")) {
      throw new IllegalArgumentException("not a SID: " + sid);
    }
    int count = parts.length - 3;
    byte[] bytes = new byte[8 + 4 * count];
    bytes[0] = (byte) Integer.parseInt(parts[1]);
    bytes[1] = (byte) count;
    long authority = Long.parseLong(parts[2]);
    for (int i = 7; i >= 2; i--) {
      bytes[i] = (byte) (authority & 0xff);
      authority >>>= 8;
    }
    for (int i = 0; i < count; i++) {
      long sub = Long.parseLong(parts[3 + i]);
      int at = 8 + 4 * i;
      bytes[at] = (byte) sub;
      bytes[at + 1] = (byte) (sub >>> 8);
      bytes[at + 2] = (byte) (sub >>> 16);
      bytes[at + 3] = (byte) (sub >>> 24);
    }
    return bytes;
  }
}
