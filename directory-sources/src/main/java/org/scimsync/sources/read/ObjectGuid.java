package org.scimsync.sources.read;

/**
 * Renders an Active Directory {@code objectGUID} (16 bytes) as the canonical GUID string that AD
 * tools show, e.g. {@code 3f2504e0-4f89-11d3-9a0c-0305e82c3301}. AD stores the first three groups
 * little-endian, so their bytes are reversed; the last two groups are in byte order.
 */
public final class ObjectGuid {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int[] ORDER = {
    3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15
  };

  private ObjectGuid() {}

  /** Whether {@code bytes} has the length of a GUID. */
  public static boolean isGuid(byte[] bytes) {
    return bytes.length == 16;
  }

  /**
   * The canonical lower-case string of a 16-byte GUID.
   *
   * @throws IllegalArgumentException when {@code bytes} is not 16 bytes long
   */
  public static String toCanonicalString(byte[] bytes) {
    if (!isGuid(bytes)) {
      throw new IllegalArgumentException("a GUID has 16 bytes, not " + bytes.length);
    }
    StringBuilder text = new StringBuilder(36);
    for (int index : ORDER) {
      if (index < 0) {
        text.append('-');
      } else {
        text.append(HEX[(bytes[index] >> 4) & 0xf]).append(HEX[bytes[index] & 0xf]);
      }
    }
    return text.toString();
  }

  /** The 16 bytes, in AD's storage order, of a canonical GUID string; the inverse of the above. */
  public static byte[] fromCanonicalString(String guid) {
    String hex = guid.replace("-", "");
    if (hex.length() != 32) {
      throw new IllegalArgumentException("not a GUID: " + guid);
    }
    byte[] bytes = new byte[16];
    int position = 0;
    for (int index : ORDER) {
      if (index >= 0) {
        bytes[index] = (byte) Integer.parseInt(hex.substring(position, position + 2), 16);
        position += 2;
      }
    }
    return bytes;
  }
}
