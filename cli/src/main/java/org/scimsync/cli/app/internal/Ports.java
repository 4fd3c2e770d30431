package org.scimsync.cli.app.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.config.DeprovisionConfig;
import org.scimsync.cli.config.LdapSettings;
import org.scimsync.cli.config.RuleConfig;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.cli.config.SourceConfig;
import org.scimsync.cli.config.TargetConfig;
import org.scimsync.client.RateLimits;
import org.scimsync.client.RequestListener;
import org.scimsync.client.RetrySettings;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetProfile;
import org.scimsync.engine.SyncPolicy;
import org.scimsync.mapping.MappingConfigException;
import org.scimsync.mapping.MappingRules;
import org.scimsync.mapping.RuleSpec;
import org.scimsync.mapping.SanitizerProfile;
import org.scimsync.sources.CsvSourceConfig;
import org.scimsync.sources.LdapFlavor;
import org.scimsync.sources.LdapSourceConfig;
import org.scimsync.sources.LdifSourceConfig;
import org.scimsync.sources.NestedGroups;

/** Translates the configuration into the settings of each port's adapter. */
public final class Ports {

  /** How many changes are sent to the target at once. */
  static final int PARALLELISM = 8;

  private Ports() {}

  /** The settings of the directory source. */
  public static org.scimsync.sources.SourceConfig source(SourceConfig source) {
    NestedGroups nested =
        switch (source.groups().nested()) {
          case FLATTEN -> NestedGroups.FLATTEN;
          case IGNORE -> NestedGroups.IGNORE;
        };
    return switch (source.type()) {
      case LDIF ->
          new LdifSourceConfig(
              source.path(),
              source.users().key(),
              source.groups().key(),
              nested,
              null,
              null,
              null,
              null);
      case CSV ->
          new CsvSourceConfig(
              source.csv().users(),
              source.csv().groups(),
              source.users().key(),
              nested,
              null,
              null,
              source.groups().key(),
              null,
              null);
      case LDAP -> ldap(source, nested);
    };
  }

  private static LdapSourceConfig ldap(SourceConfig source, NestedGroups nested) {
    LdapSettings ldap = source.ldap();
    Duration timeout = Duration.ofSeconds(ldap.timeoutSeconds());
    return new LdapSourceConfig(
        ldap.url().toString(),
        ldap.startTls(),
        ldap.bindDn(),
        ldap.bindPassword(),
        LdapFlavor.valueOf(ldap.flavor().name()),
        ldap.userBase(),
        ldap.userFilter(),
        ldap.groupBase(),
        ldap.groupFilter(),
        source.users().key(),
        source.groups().key(),
        null,
        null,
        nested,
        timeout,
        timeout,
        0,
        ldap.trustStore(),
        ldap.trustStorePassword());
  }

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
        SyncPolicy.UserDeprovision.valueOf(deprovision.users().name()),
        SyncPolicy.GroupDeprovision.valueOf(deprovision.groups().name()),
        deprovision.maxDeletes(),
        deprovision.maxDeletePercent(),
        config.schedule().fullEvery(),
        PARALLELISM);
  }
}
