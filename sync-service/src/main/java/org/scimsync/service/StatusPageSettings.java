package org.scimsync.service;

import java.util.Objects;
import org.scimsync.service.ui.UiConfig;

/**
 * The status page of service mode.
 *
 * @param config the {@code ui:} section
 * @param targetName how the overview names the target (its host, never a secret)
 */
public record StatusPageSettings(UiConfig config, String targetName) {

  public StatusPageSettings {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(targetName, "targetName");
  }
}
