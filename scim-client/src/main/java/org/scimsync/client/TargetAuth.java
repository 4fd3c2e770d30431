package org.scimsync.client;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.Secret;

/**
 * How the client authenticates to the SCIM target. Secrets are {@link Secret}s: {@code toString()}
 * shows {@code ****}, and neither they nor the access tokens obtained with them appear in messages
 * or logs.
 */
public sealed interface TargetAuth
    permits TargetAuth.Bearer, TargetAuth.Basic, TargetAuth.OAuth2ClientCredentials {

  /**
   * A static bearer token ({@code Authorization: Bearer <token>}), as AWS IAM Identity Center
   * issues them.
   *
   * @param token the token
   */
  record Bearer(Secret token) implements TargetAuth {
    /** Checks the token is there. */
    public Bearer {
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * HTTP Basic authentication ({@code Authorization: Basic base64(user:password)}).
   *
   * @param user the user name, without {@code :}
   * @param password the password
   */
  record Basic(String user, Secret password) implements TargetAuth {
    /** Validates the user name. */
    public Basic {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (user.isBlank() || user.contains(":")) {
        throw new IllegalArgumentException(
            "target.auth.user must not be empty and must not contain ':'");
      }
    }
  }

  /**
   * OAuth 2.0 client credentials (RFC 6749 section 4.4): the client asks {@code tokenUrl} for an
   * access token, authenticating with HTTP Basic ({@code client_secret_basic}), at its first
   * request; it reuses the token, fetches a new one shortly before {@code expires_in} runs out, and
   * once more when the target answers 401.
   *
   * @param tokenUrl the token endpoint; https, or http only to loopback (as the base URL)
   * @param clientId the client id
   * @param clientSecret the client secret
   * @param scope the {@code scope} to ask for, if any
   * @param audience the {@code audience} to ask for (Auth0, Okta and others), if any
   */
  record OAuth2ClientCredentials(
      URI tokenUrl,
      String clientId,
      Secret clientSecret,
      @Nullable String scope,
      @Nullable String audience)
      implements TargetAuth {
    /** Validates the settings; the token URL's scheme is checked with the base URL's rules. */
    public OAuth2ClientCredentials {
      Objects.requireNonNull(tokenUrl, "tokenUrl");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      if (clientId.isBlank()) {
        throw new IllegalArgumentException("target.auth.clientId must not be empty");
      }
      if (!tokenUrl.isAbsolute() || tokenUrl.getHost() == null) {
        throw new IllegalArgumentException(
            "target.auth.tokenUrl must be an absolute URL with a host");
      }
      if (tokenUrl.getRawUserInfo() != null) {
        throw new IllegalArgumentException("target.auth.tokenUrl must not carry user info");
      }
      scope = scope == null || scope.isBlank() ? null : scope.strip();
      audience = audience == null || audience.isBlank() ? null : audience.strip();
    }
  }
}
