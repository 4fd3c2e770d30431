package org.scimsync.cli.config.internal;

import org.jspecify.annotations.Nullable;
import org.scimsync.cli.config.DeprovisionConfig;
import org.scimsync.cli.config.RuleConfig;
import org.scimsync.cli.config.TargetConfig;
import org.scimsync.common.ConfigValueException;
import org.scimsync.common.Secret;
import org.scimsync.service.ScheduleConfig;
import org.scimsync.service.WebhookConfig;
import org.scimsync.service.ui.UiConfig;
import org.scimsync.sources.SourceConfig;
import org.scimsync.state.postgres.PostgresConnection;

/**
 * The configuration file as written: the top-level sections, bound by Jackson. Optional sections
 * are null when absent; the loader applies their defaults.
 */
public record ConfigDocument(
    SourceConfig source,
    @Nullable TargetConfig target,
    java.util.@Nullable List<TargetSection> targets,
    @Nullable StateSection state,
    @Nullable RuleConfig users,
    @Nullable RuleConfig groups,
    @Nullable DeprovisionConfig deprovision,
    @Nullable ScheduleConfig schedule,
    @Nullable WebhookConfig webhook,
    @Nullable UiConfig ui) {

  public ConfigDocument {
    if (source == null) {
      throw new ConfigValueException("source", "section is required (the directory to read)");
    }
    if (target == null && targets == null) {
      throw new ConfigValueException(
          "target", "section is required (the SCIM target; or targets: a list of named ones)");
    }
    if (target != null && targets != null) {
      throw new ConfigValueException(
          "targets", "give either target (one) or targets (a list of named ones), not both");
    }
    if (targets != null) {
      if (targets.isEmpty()) {
        throw new ConfigValueException("targets", "is empty: list at least one target");
      }
      java.util.Set<String> names = new java.util.HashSet<>();
      for (int i = 0; i < targets.size(); i++) {
        if (!names.add(targets.get(i).name())) {
          throw new ConfigValueException(
              "targets[" + i + "].name",
              "'" + targets.get(i).name() + "' names an earlier target too: names must differ");
        }
      }
      targets = java.util.List.copyOf(targets);
    }
  }

  /**
   * The {@code state} section: a SQLite file ({@code path}) or a PostgreSQL database ({@code url},
   * {@code user}, {@code password}), never both.
   *
   * @param path the SQLite state file; null for {@code scim-sync.db} beside the configuration
   * @param url {@code jdbc:postgresql://host:port/database}: the shared state of a clustered {@code
   *     serve}
   * @param user the PostgreSQL user
   * @param password the PostgreSQL password (a secret, e.g. {@code ${file:/run/secrets/db}})
   */
  public record StateSection(
      java.nio.file.@Nullable Path path,
      @Nullable String url,
      @Nullable String user,
      @Nullable Secret password) {

    public StateSection {
      if (path != null && url != null) {
        throw new ConfigValueException(
            "url", "give either path (a SQLite file) or url (PostgreSQL), not both");
      }
      if (url == null && user != null) {
        throw new ConfigValueException("user", "only used with state.url (PostgreSQL)");
      }
      if (url == null && password != null) {
        throw new ConfigValueException("password", "only used with state.url (PostgreSQL)");
      }
      if (url != null) {
        new PostgresConnection(url, user, password); // checks the URL, naming state.url
      }
    }

    /** The PostgreSQL database, or null for a SQLite file. */
    public @Nullable PostgresConnection database() {
      return url == null ? null : new PostgresConnection(url, user, password);
    }
  }
}
