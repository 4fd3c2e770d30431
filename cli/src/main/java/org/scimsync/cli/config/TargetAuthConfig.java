package org.scimsync.cli.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.ConfigChecks;
import org.scimsync.common.ConfigEnum;
import org.scimsync.common.ConfigValueException;
import org.scimsync.common.Secret;

/**
 * How scim-sync authenticates to the target when a static {@code target.token} is not what the
 * server takes: {@code target.auth}. Each type needs its own keys, and only those.
 *
 * @param type bearer (the token of {@code target.token}), oauth2-client-credentials or basic
 * @param tokenUrl the OAuth 2.0 token endpoint (oauth2-client-credentials)
 * @param clientId the OAuth 2.0 client id (oauth2-client-credentials)
 * @param clientSecret the OAuth 2.0 client secret, a secret (oauth2-client-credentials)
 * @param scope the scope to ask for, if the server wants one (oauth2-client-credentials)
 * @param audience the audience to ask for, if the server wants one (oauth2-client-credentials)
 * @param user the user name (basic)
 * @param password the password, a secret (basic)
 */
public record TargetAuthConfig(
    Type type,
    @Nullable URI tokenUrl,
    @Nullable String clientId,
    @Nullable Secret clientSecret,
    @Nullable String scope,
    @Nullable String audience,
    @Nullable String user,
    @Nullable Secret password) {

  public TargetAuthConfig {
    if (type == null) {
      throw new ConfigValueException(
          "type", "is required: bearer | oauth2-client-credentials | basic");
    }
    boolean oauth = type == Type.OAUTH2_CLIENT_CREDENTIALS;
    boolean basic = type == Type.BASIC;
    only(oauth, "tokenUrl", tokenUrl, type);
    only(oauth, "clientId", clientId, type);
    only(oauth, "clientSecret", clientSecret, type);
    only(oauth, "scope", scope, type);
    only(oauth, "audience", audience, type);
    only(basic, "user", user, type);
    only(basic, "password", password, type);
    if (oauth) {
      if (tokenUrl == null) {
        throw new ConfigValueException("tokenUrl", "is required: the token endpoint's URL");
      }
      ConfigChecks.requireNonBlank("clientId", clientId, "the OAuth 2.0 client id");
      if (clientSecret == null) {
        throw new ConfigValueException(
            "clientSecret", "is required, e.g. ${OAUTH_CLIENT_SECRET} or ${file:/path}");
      }
      ConfigChecks.requireNonBlankIfSet("scope", scope);
      ConfigChecks.requireNonBlankIfSet("audience", audience);
    }
    if (basic) {
      ConfigChecks.requireNonBlank("user", user, "the user name");
      if (password == null) {
        throw new ConfigValueException("password", "is required, e.g. ${SCIM_PASSWORD}");
      }
    }
  }

  private static void only(boolean wanted, String key, @Nullable Object value, Type type) {
    if (!wanted && value != null) {
      throw new ConfigValueException(
          key, "is not used with auth type " + type.configName() + " (remove it)");
    }
  }

  /** The authentication scheme: {@code target.auth.type}. */
  public enum Type implements ConfigEnum {
    /** {@code Authorization: Bearer} with {@code target.token}. */
    BEARER("bearer"),
    /** An access token from the OAuth 2.0 client-credentials grant, renewed before it expires. */
    OAUTH2_CLIENT_CREDENTIALS("oauth2-client-credentials"),
    /** HTTP Basic with a user and password. */
    BASIC("basic");

    private final String configName;

    Type(String configName) {
      this.configName = configName;
    }

    @Override
    public String configName() {
      return configName;
    }

    @JsonCreator
    static Type fromConfig(String text) {
      return ConfigEnum.parse(Type.class, text);
    }
  }
}
