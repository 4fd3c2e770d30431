package org.scimsync.service;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.Secret;

/**
 * Signs and verifies webhook requests: {@code X-Scim-Sync-Signature: sha256=<hex>} where hex is the
 * HMAC-SHA256, keyed with the shared secret, of the ASCII timestamp, a dot, and the raw request
 * body; {@code X-Scim-Sync-Timestamp} carries the timestamp in Unix seconds. Clients use {@link
 * #sign(byte[], long, byte[])}; the service verifies in constant time.
 *
 * <p>The secret never leaves this object: {@link #toString()} redacts it.
 */
public final class WebhookSignature {

  /** The request header holding {@code sha256=<hex>}. */
  public static final String SIGNATURE_HEADER = "X-Scim-Sync-Signature";

  /** The request header holding the Unix time in seconds at which the request was signed. */
  public static final String TIMESTAMP_HEADER = "X-Scim-Sync-Timestamp";

  /** How far a request's timestamp may be from the service's clock, in either direction. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** The shortest secret the service accepts. */
  public static final int MIN_SECRET_BYTES = 16;

  private static final String SCHEME = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] secret;

  /**
   * A verifier for this secret (copied).
   *
   * @throws ServiceException when the secret is shorter than {@link #MIN_SECRET_BYTES}
   */
  public WebhookSignature(byte[] secret) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new ServiceException(
          ServiceException.Kind.INVALID_CONFIGURATION,
          "webhook.secret must be at least " + MIN_SECRET_BYTES + " bytes long",
          null);
    }
    this.secret = secret.clone();
  }

  /** A verifier for {@code webhook.secret} as the configuration loads it. */
  public static WebhookSignature of(Secret secret) {
    return ofUtf8(secret.reveal());
  }

  /** A verifier for the UTF-8 bytes of this secret (as read from a file or an environment). */
  public static WebhookSignature ofUtf8(CharSequence secret) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    try {
      return new WebhookSignature(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }

  /**
   * The value of the {@value #SIGNATURE_HEADER} header for a request: {@code sha256=} followed by
   * the lower-case hex HMAC-SHA256 of {@code "<timestamp>.<body>"}.
   */
  public static String sign(byte[] secret, long timestamp, byte[] body) {
    return SCHEME + HexFormat.of().formatHex(mac(secret, timestamp, body));
  }

  /** Signs with this object's secret; see {@link #sign(byte[], long, byte[])}. */
  public String sign(long timestamp, byte[] body) {
    return sign(secret, timestamp, body);
  }

  /**
   * True when the header value is the signature of this timestamp and body. The comparison takes
   * the same time wherever the first difference is. The timestamp's freshness is checked by the
   * caller.
   */
  public boolean verify(@Nullable String signatureHeader, long timestamp, byte[] body) {
    if (signatureHeader == null) {
      return false;
    }
    String value = signatureHeader.trim();
    if (!value.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
      return false;
    }
    byte[] presented;
    try {
      presented = HexFormat.of().parseHex(value.substring(SCHEME.length()));
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(mac(secret, timestamp, body), presented);
  }

  private static byte[] mac(byte[] secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is mandatory in every Java platform; an empty key is the only other failure.
      throw new IllegalStateException("cannot compute " + ALGORITHM, e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSignature[secret=(redacted)]";
  }
}
