package org.scimsync.cli.config;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.Secret;
import org.scimsync.service.ScheduleConfig;
import org.scimsync.service.WebhookConfig;
import org.scimsync.service.ui.UiConfig;
import org.scimsync.sources.SourceConfig;
import org.scimsync.state.postgres.PostgresConnection;

/**
 * A loaded, validated scim-sync configuration: one sync from a directory to one SCIM target. Built
 * by {@link ConfigLoader}; every path is absolute, every default applied, every secret held as a
 * {@link Secret}.
 *
 * @param file the configuration file it was read from
 * @param source the directory to read
 * @param target the SCIM service provider
 * @param statePath the SQLite state file (default {@code scim-sync.db} beside the configuration);
 *     unused when {@code stateDatabase} is set
 * @param users user scoping and mapping rules
 * @param groups group scoping and mapping rules
 * @param deprovision deprovisioning and safety thresholds
 * @param schedule the schedule of {@code serve}
 * @param webhook the webhook and endpoints of {@code serve}
 * @param ui the status page of {@code serve}; null when off
 * @param locations the line of every key, to point later errors (an expression that does not
 *     compile) at the file
 * @param stateDatabase the PostgreSQL database of {@code state.url}; null for the SQLite file
 */
public record ScimSyncConfig(
    Path file,
    SourceConfig source,
    TargetConfig target,
    Path statePath,
    RuleConfig users,
    RuleConfig groups,
    DeprovisionConfig deprovision,
    ScheduleConfig schedule,
    WebhookConfig webhook,
    ConfigLocations locations,
    @Nullable UiConfig ui,
    @Nullable PostgresConnection stateDatabase) {

  public ScimSyncConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(statePath, "statePath");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(deprovision, "deprovision");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(locations, "locations");
  }

  /** A configuration without the status page. */
  public ScimSyncConfig(
      Path file,
      SourceConfig source,
      TargetConfig target,
      Path statePath,
      RuleConfig users,
      RuleConfig groups,
      DeprovisionConfig deprovision,
      ScheduleConfig schedule,
      WebhookConfig webhook,
      ConfigLocations locations) {
    this(
        file,
        source,
        target,
        statePath,
        users,
        groups,
        deprovision,
        schedule,
        webhook,
        locations,
        null,
        null);
  }

  /** This configuration with another listener and status page (for {@code demo --serve}). */
  public ScimSyncConfig withService(WebhookConfig otherWebhook, @Nullable UiConfig otherUi) {
    return new ScimSyncConfig(
        file,
        source,
        target,
        statePath,
        users,
        groups,
        deprovision,
        schedule,
        otherWebhook,
        locations,
        otherUi,
        stateDatabase);
  }

  /** Where the state is, for messages: the SQLite file or the PostgreSQL URL. */
  public String stateLocation() {
    return stateDatabase == null ? statePath.toString() : stateDatabase.url();
  }

  /** An error about {@code key} of this file (exit code 2), pointing at the key's line. */
  public ConfigException errorAt(String key, String problem) {
    return new ConfigException(file, key, locations.lineOf(key), problem);
  }
}
