package org.scimsync.service;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.TargetNames;
import org.scimsync.service.ui.PageTarget;
import org.scimsync.service.ui.UiConfig;

/**
 * The status page of service mode: who may see it and the targets it shows, each with its state
 * store. The one-target form names its target only; the service gives it its own state store.
 */
public final class StatusPageSettings {

  private final UiConfig config;
  private final List<PageTarget> targets;
  private final @Nullable String singleTargetDisplayName;

  /**
   * @param config the {@code ui:} section
   * @param targets the targets, in the order of the overview: at least one, names unique
   * @throws IllegalArgumentException when there is no target or two have the same name
   */
  public StatusPageSettings(UiConfig config, List<PageTarget> targets) {
    this.config = Objects.requireNonNull(config, "config");
    this.targets = List.copyOf(targets);
    if (this.targets.isEmpty()) {
      throw new IllegalArgumentException("the status page needs at least one target");
    }
    if (this.targets.stream().map(PageTarget::name).distinct().count() != this.targets.size()) {
      throw new IllegalArgumentException("two status page targets have the same name");
    }
    this.singleTargetDisplayName = null;
  }

  /**
   * The page of the one target of a single {@code target:} configuration, named {@value
   * TargetNames#DEFAULT}, over the service's own state store.
   *
   * @param config the {@code ui:} section
   * @param targetName how the overview shows the target (its host, never a secret)
   */
  public StatusPageSettings(UiConfig config, String targetName) {
    this.config = Objects.requireNonNull(config, "config");
    this.targets = List.of();
    this.singleTargetDisplayName = Objects.requireNonNull(targetName, "targetName");
  }

  /** The {@code ui:} section. */
  public UiConfig config() {
    return config;
  }

  /**
   * The targets the page shows: those given, or for the one-target form the target {@value
   * TargetNames#DEFAULT} over {@code serviceStore}.
   */
  public List<PageTarget> targets(StateStore serviceStore) {
    if (singleTargetDisplayName == null) {
      return targets;
    }
    return List.of(new PageTarget(TargetNames.DEFAULT, singleTargetDisplayName, serviceStore));
  }
}
