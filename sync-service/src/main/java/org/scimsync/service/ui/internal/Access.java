package org.scimsync.service.ui.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.scimsync.service.ui.UiConfig;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Who may see the page: HTTP Basic against the configured password (or its BCrypt hash), or a
 * bearer token; and the CSRF token of the forms, an HMAC of the caller under a key made at start.
 *
 * <p>BCrypt is slow on purpose (about 0.1 s a check), and a browser sends Basic credentials with
 * every request: a credential that passed is remembered, as a salted SHA-256 digest, for the next
 * requests, so a page with its stylesheet costs one check.
 */
public final class Access {

  private static final int REMEMBERED = 64;

  private final UiConfig config;
  private final byte[] key = new byte[32];
  private final Map<String, String> passed =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      };

  public Access(UiConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    new SecureRandom().nextBytes(key);
  }

  /** True when Basic credentials can be configured for a browser. */
  public boolean basic() {
    return config.user() != null;
  }

  /**
   * Who the {@code Authorization} header names, when its credentials are right.
   *
   * @return the user name (or {@code "token"} for the bearer token); empty when refused
   */
  public Optional<String> authenticate(@Nullable String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String value = authorization.trim();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7) && config.token() != null) {
      return same(value.substring(7).trim(), config.token().reveal())
          ? Optional.of("token")
          : Optional.empty();
    }
    if (value.regionMatches(true, 0, "Basic ", 0, 6) && config.user() != null) {
      return basic(value.substring(6).trim());
    }
    return Optional.empty();
  }

  private Optional<String> basic(String encoded) {
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = pair.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String user = pair.substring(0, colon);
    String password = pair.substring(colon + 1);
    String expectedUser = Objects.requireNonNull(config.user());
    boolean userMatches = same(user, expectedUser);
    String digest = hmac("passed:" + pair);
    synchronized (passed) {
      if (passed.containsKey(digest)) {
        return Optional.of(expectedUser);
      }
    }
    boolean passwordMatches;
    if (config.passwordHash() != null) {
      passwordMatches = checkHash(password, config.passwordHash().reveal().trim());
    } else {
      passwordMatches = config.password() != null && same(password, config.password().reveal());
    }
    if (userMatches && passwordMatches) {
      synchronized (passed) {
        passed.put(digest, user);
      }
      return Optional.of(expectedUser);
    }
    return Optional.empty();
  }

  private static boolean checkHash(String password, String hash) {
    try {
      return BCrypt.checkpw(password, hash);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The CSRF token of the forms shown to this caller. */
  public String csrfToken(String caller) {
    return hmac("csrf:" + caller);
  }

  /** True when {@code token} is the CSRF token of this caller. */
  public boolean csrfValid(String caller, @Nullable String token) {
    return token != null && same(token, csrfToken(caller));
  }

  private String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
