package org.scimsync.cli.app.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.config.DeprovisionConfig;
import org.scimsync.cli.config.RuleConfig;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.cli.config.TargetConfig;
import org.scimsync.client.RateLimits;
import org.scimsync.client.RequestListener;
import org.scimsync.client.RetrySettings;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetProfile;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.mapping.MappingConfigException;
import org.scimsync.mapping.MappingRules;
import org.scimsync.mapping.RuleSpec;
import org.scimsync.mapping.SanitizerProfile;

/** Translates the configuration into the settings of each port's adapter. */
public final class Ports {

  /** How many changes are sent to the target at once. */
  static final int PARALLELISM = 8;

  private Ports() {}

  /**
   * The compiled mapping rules.
   *
   * @throws org.scimsync.cli.config.ConfigException naming the key and line of a broken rule
   */
  public static MappingRules rules(ScimSyncConfig config) {
    SanitizerProfile sanitizer =
        switch (config.target().profile()) {
          case AWS_IDENTITY_CENTER -> SanitizerProfile.AWS_IDENTITY_CENTER;
          case GENERIC -> SanitizerProfile.GENERIC;
        };
    try {
      return MappingRules.compile(spec(config.users()), spec(config.groups()), sanitizer);
    } catch (MappingConfigException e) {
      throw config.errorAt(e.key(), e.detail());
    }
  }

  private static RuleSpec spec(RuleConfig rules) {
    return new RuleSpec(rules.include(), rules.map(), rules.drop());
  }

  /** The SCIM client settings. */
  public static ScimClientConfig client(TargetConfig target) {
    return client(target, null);
  }

  /**
   * The SCIM client settings, with {@code listener} told about every HTTP attempt (for metrics).
   */
  public static ScimClientConfig client(TargetConfig target, @Nullable RequestListener listener) {
    TargetProfile profile =
        switch (target.profile()) {
          case AWS_IDENTITY_CENTER -> TargetProfile.AWS_IDENTITY_CENTER;
          case GENERIC -> TargetProfile.GENERIC;
        };
    ScimClientConfig.Builder builder =
        ScimClientConfig.builder(target.url(), target.token(), profile)
            .connectTimeout(Duration.ofSeconds(target.timeoutSeconds()))
            .readTimeout(Duration.ofSeconds(target.timeoutSeconds()))
            .retry(
                new RetrySettings(
                    target.maxAttempts(),
                    RetrySettings.DEFAULT.initialBackoff(),
                    RetrySettings.DEFAULT.maxBackoff(),
                    RetrySettings.DEFAULT.maxTotal()));
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
    builder.listener(listener);
    return builder.build();
  }

  /** The deprovisioning and safety policy. */
  public static SyncPolicy policy(ScimSyncConfig config) {
    DeprovisionConfig deprovision = config.deprovision();
    return new SyncPolicy(
        deprovision.users(),
        deprovision.groups(),
        deprovision.maxDeletes(),
        deprovision.maxDeletePercent(),
        config.schedule().fullEvery(),
        PARALLELISM);
  }
}
