package org.scimsync.cli.config.internal;

import org.jspecify.annotations.Nullable;
import org.scimsync.cli.config.DeprovisionConfig;
import org.scimsync.cli.config.RuleConfig;
import org.scimsync.cli.config.TargetConfig;
import org.scimsync.common.ConfigValueException;
import org.scimsync.service.ScheduleConfig;
import org.scimsync.service.WebhookConfig;
import org.scimsync.service.ui.UiConfig;
import org.scimsync.sources.SourceConfig;

/**
 * The configuration file as written: the top-level sections, bound by Jackson. Optional sections
 * are null when absent; the loader applies their defaults.
 */
public record ConfigDocument(
    SourceConfig source,
    TargetConfig target,
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
    if (target == null) {
      throw new ConfigValueException("target", "section is required (the SCIM target)");
    }
  }

  /**
   * The {@code state} section.
   *
   * @param path the SQLite state file; null for {@code scim-sync.db} beside the configuration
   */
  public record StateSection(java.nio.file.@Nullable Path path) {}
}
