package org.scimsync.cli.app.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.config.DeprovisionConfig;
import org.scimsync.cli.config.RuleConfig;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.cli.config.TargetAuthConfig;
import org.scimsync.cli.config.TargetConfig;
import org.scimsync.cli.config.TargetSpec;
import org.scimsync.cli.exit.CliException;
import org.scimsync.cli.exit.ExitCode;
import org.scimsync.client.ProxySettings;
import org.scimsync.client.RateLimits;
import org.scimsync.client.RequestListener;
import org.scimsync.client.RetrySettings;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetAuth;
import org.scimsync.client.TargetCapabilities;
import org.scimsync.client.TargetProfile;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.mapping.MappingConfigException;
import org.scimsync.mapping.MappingRules;
import org.scimsync.mapping.RuleSpec;
import org.scimsync.mapping.SanitizerProfile;

/** Translates the configuration into the settings of each port's adapter. */
public final class Ports {

  /**
   * How many changes are sent to the target at once at a short round trip (the executor sizes its
   * lanes above it from the round trip); never more than {@code target.maxConcurrency}.
   */
  static final int PARALLELISM = 8;

  private Ports() {}

  /**
   * The compiled mapping rules.
   *
   * @throws org.scimsync.cli.config.ConfigException naming the key and line of a broken rule
   */
  public static MappingRules rules(ScimSyncConfig config) {
    return rules(config, config.only());
  }

  /**
   * The compiled mapping rules of one target.
   *
   * @throws org.scimsync.cli.config.ConfigException naming the key and line of a broken rule (in
   *     the target's own rules section, or the top-level one it uses)
   */
  public static MappingRules rules(ScimSyncConfig config, TargetSpec target) {
    SanitizerProfile sanitizer =
        switch (target.target().profile()) {
          case AWS_IDENTITY_CENTER -> SanitizerProfile.AWS_IDENTITY_CENTER;
          case GENERIC -> SanitizerProfile.GENERIC;
        };
    try {
      return MappingRules.compile(spec(target.users()), spec(target.groups()), sanitizer);
    } catch (MappingConfigException e) {
      throw config.errorAt(target.ruleKey(e.key()), e.detail());
    }
  }

  private static RuleSpec spec(RuleConfig rules) {
    return new RuleSpec(rules.include(), rules.map(), rules.drop());
  }

  /** The SCIM client settings, with the proxy of this process's environment if none is set. */
  public static ScimClientConfig client(TargetConfig target) {
    return client(target, null, System.getenv());
  }

  /**
   * The SCIM client settings, with {@code listener} told about every HTTP attempt (for metrics).
   *
   * @param env the environment whose {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY}
   *     apply when {@code target.proxy} is not set
   */
  public static ScimClientConfig client(
      TargetConfig target, @Nullable RequestListener listener, Map<String, String> env) {
    TargetProfile profile = target.profile();
    ScimClientConfig.Builder builder =
        ScimClientConfig.builder(target.url(), auth(target), profile)
            .connectTimeout(Duration.ofSeconds(target.timeoutSeconds()))
            .readTimeout(Duration.ofSeconds(target.timeoutSeconds()))
            .retry(
                new RetrySettings(
                    target.maxAttempts(),
                    RetrySettings.DEFAULT.initialBackoff(),
                    RetrySettings.DEFAULT.maxBackoff(),
                    RetrySettings.DEFAULT.maxTotal()));
    if (target.proxy() != null) {
      builder.proxy(
          new ProxySettings(target.proxy(), target.proxyUser(), target.proxyPassword(), List.of()));
    } else {
      try {
        builder.proxyFromEnvironment(env);
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCode.INVALID, "proxy environment: " + e.getMessage(), e);
      }
    }
    RateLimits defaults = profile.defaultRateLimits();
    Double reads = target.rateLimit().readsPerSecond();
    Double writes = target.rateLimit().writesPerSecond();
    builder.rateLimits(
        new RateLimits(
            reads == null ? defaults.readsPerSecond() : reads,
            writes == null ? defaults.writesPerSecond() : writes));
    if (target.trustStore() != null) {
      builder.trustStore(target.trustStore(), target.trustStorePassword());
    }
    builder.capabilities(TargetCapabilities.parse(target.capabilities()));
    builder.listener(listener);
    builder.maxConcurrency(target.maxConcurrency());
    return builder.build();
  }

  private static TargetAuth auth(TargetConfig target) {
    TargetAuthConfig auth = target.auth();
    if (auth == null || auth.type() == TargetAuthConfig.Type.BEARER) {
      return new TargetAuth.Bearer(Objects.requireNonNull(target.token(), "target.token"));
    }
    return switch (auth.type()) {
      case BEARER -> throw new IllegalStateException("handled above");
      case BASIC ->
          new TargetAuth.Basic(
              Objects.requireNonNull(auth.user()), Objects.requireNonNull(auth.password()));
      case OAUTH2_CLIENT_CREDENTIALS ->
          new TargetAuth.OAuth2ClientCredentials(
              Objects.requireNonNull(auth.tokenUrl()),
              Objects.requireNonNull(auth.clientId()),
              Objects.requireNonNull(auth.clientSecret()),
              auth.scope(),
              auth.audience());
    };
  }

  /** The deprovisioning and safety policy. */
  public static SyncPolicy policy(ScimSyncConfig config) {
    return policy(config, config.only());
  }

  /** The deprovisioning and safety policy of one target. */
  public static SyncPolicy policy(ScimSyncConfig config, TargetSpec target) {
    DeprovisionConfig deprovision = target.deprovision();
    return new SyncPolicy(
        deprovision.users(),
        deprovision.groups(),
        deprovision.maxDeletes(),
        deprovision.maxDeletePercent(),
        config.schedule().fullEvery(),
        Math.min(PARALLELISM, target.target().maxConcurrency()),
        target.target().maxConsecutiveRefusals());
  }
}
