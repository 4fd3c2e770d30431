package org.scimsync.cli.config;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What happens to users that leave the source or the scope: {@code deprovision.users}. */
public enum UserDeprovision implements ConfigEnum {
  /** Delete them in the target. */
  DELETE("delete"),
  /** Set {@code active: false} in the target. */
  DISABLE("disable"),
  /** Leave them as they are (and stop managing them). */
  KEEP("keep");

  private final String configName;

  UserDeprovision(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }

  @JsonCreator
  static UserDeprovision fromConfig(String text) {
    return ConfigEnum.parse(UserDeprovision.class, text);
  }
}
