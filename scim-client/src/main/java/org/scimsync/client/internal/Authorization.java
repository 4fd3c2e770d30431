package org.scimsync.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.client.Client;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.scimsync.client.RetrySettings;
import org.scimsync.client.TargetAuth;

/** The {@code Authorization} header of the SCIM requests, and the secrets to keep out of text. */
sealed interface Authorization permits Authorization.Fixed, OAuth2Tokens {

  /**
   * The header value for the next attempt; an OAuth 2.0 source may fetch a token first.
   *
   * @param api the operation about to be sent, named in a failure
   * @return for example {@code Bearer <token>}
   * @throws org.scimsync.client.ScimException when no token can be obtained
   */
  String header(String api);

  /**
   * The target answered 401 to a request sent with {@code header}.
   *
   * @param header the header the refused request carried
   * @return true if another attempt may succeed with a new credential
   */
  boolean refused(String header);

  /**
   * Masks every secret this source knows (static secrets, tokens it obtained) in a text.
   *
   * @param text text that came from a server
   * @return the text with each secret replaced by {@code ****}
   */
  String redact(String text);

  /**
   * The source for a configured authentication.
   *
   * @param auth the configuration
   * @param client the HTTP client, for a token endpoint
   * @param json a JSON reader, for token answers
   * @param clock the clock deciding when a token is due for renewal
   * @param retry retries of transient token endpoint failures
   * @return the source
   */
  static Authorization of(
      TargetAuth auth, Client client, ObjectMapper json, Clock clock, RetrySettings retry) {
    if (auth instanceof TargetAuth.Bearer bearer) {
      String token = bearer.token().reveal();
      return new Fixed("Bearer " + token, List.of(token));
    }
    if (auth instanceof TargetAuth.Basic basic) {
      String password = basic.password().reveal();
      String encoded = basic(basic.user(), password);
      return new Fixed("Basic " + encoded, List.of(password, encoded));
    }
    return new OAuth2Tokens((TargetAuth.OAuth2ClientCredentials) auth, client, json, clock, retry);
  }

  /** {@code base64(user:password)} of UTF-8 bytes. */
  static String basic(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A header that never changes: a static bearer token or basic credentials. */
  record Fixed(String value, List<String> secrets) implements Authorization {

    @Override
    public String header(String api) {
      return value;
    }

    @Override
    public boolean refused(String header) {
      return false;
    }

    @Override
    public String redact(String text) {
      String clean = text;
      for (String secret : secrets) {
        clean = clean.replace(secret, "****");
      }
      return clean;
    }

    @Override
    public String toString() {
      return "Fixed[****]";
    }
  }
}
