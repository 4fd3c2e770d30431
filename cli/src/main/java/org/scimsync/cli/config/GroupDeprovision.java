package org.scimsync.cli.config;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What happens to groups that leave the source or the scope: {@code deprovision.groups}. */
public enum GroupDeprovision implements ConfigEnum {
  /** Delete them in the target. */
  DELETE("delete"),
  /** Leave them as they are (and stop managing them). */
  KEEP("keep");

  private final String configName;

  GroupDeprovision(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }

  @JsonCreator
  static GroupDeprovision fromConfig(String text) {
    return ConfigEnum.parse(GroupDeprovision.class, text);
  }
}
