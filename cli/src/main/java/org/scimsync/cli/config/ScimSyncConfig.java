package org.scimsync.cli.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.Secret;
import org.scimsync.engine.state.TargetNames;
import org.scimsync.service.ScheduleConfig;
import org.scimsync.service.WebhookConfig;
import org.scimsync.service.ui.UiConfig;
import org.scimsync.sources.SourceConfig;
import org.scimsync.state.postgres.PostgresConnection;

/**
 * A loaded, validated scim-sync configuration: a sync from a directory to one SCIM target, or to
 * several ({@code targets:}). Built by {@link ConfigLoader}; every path is absolute, every default
 * applied, every secret held as a {@link Secret}.
 *
 * @param file the configuration file it was read from
 * @param source the directory to read
 * @param targets the targets, in the order of the file; one, named {@code default}, for a {@code
 *     target:} section
 * @param statePath the SQLite state file (default {@code scim-sync.db} beside the configuration);
 *     unused when {@code stateDatabase} is set
 * @param schedule the schedule of {@code serve}
 * @param webhook the webhook and endpoints of {@code serve}
 * @param locations the line of every key, to point later errors (an expression that does not
 *     compile) at the file
 * @param ui the status page of {@code serve}; null when off
 * @param stateDatabase the PostgreSQL database of {@code state.url}; null for the SQLite file
 */
public record ScimSyncConfig(
    Path file,
    SourceConfig source,
    List<TargetSpec> targets,
    Path statePath,
    ScheduleConfig schedule,
    WebhookConfig webhook,
    ConfigLocations locations,
    @Nullable UiConfig ui,
    @Nullable PostgresConnection stateDatabase) {

  public ScimSyncConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a configuration has at least one target");
    }
    Objects.requireNonNull(statePath, "statePath");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(locations, "locations");
  }

  /** A configuration with one target ({@code target:}), without the status page. */
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
        List.of(
            new TargetSpec(
                TargetNames.DEFAULT, target, users, groups, deprovision, "target", false, false)),
        statePath,
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
        targets,
        statePath,
        schedule,
        otherWebhook,
        locations,
        otherUi,
        stateDatabase);
  }

  /**
   * The only target of a single-target configuration.
   *
   * @throws IllegalStateException when the configuration has several
   */
  public TargetSpec only() {
    if (targets.size() != 1) {
      throw new IllegalStateException(
          "the configuration has " + targets.size() + " targets; choose one by name");
    }
    return targets.get(0);
  }

  /** The SCIM target of a single-target configuration (see {@link #only()}). */
  public TargetConfig target() {
    return only().target();
  }

  /** The user rules of a single-target configuration (see {@link #only()}). */
  public RuleConfig users() {
    return only().users();
  }

  /** The group rules of a single-target configuration (see {@link #only()}). */
  public RuleConfig groups() {
    return only().groups();
  }

  /** The deprovisioning policy of a single-target configuration (see {@link #only()}). */
  public DeprovisionConfig deprovision() {
    return only().deprovision();
  }

  /** The target named {@code name}, if configured. */
  public Optional<TargetSpec> targetNamed(String name) {
    return targets.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Whether the configuration has several targets ({@code targets:} with more than one). */
  public boolean severalTargets() {
    return targets.size() > 1;
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
