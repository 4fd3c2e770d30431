package org.scimsync.cli.config;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What members of nested groups become: {@code source.groups.nested}. */
public enum NestedGroups implements ConfigEnum {
  /** Members of nested groups become members of the enclosing group. */
  FLATTEN("flatten"),
  /** Only direct members count. */
  IGNORE("ignore");

  private final String configName;

  NestedGroups(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }

  @JsonCreator
  static NestedGroups fromConfig(String text) {
    return ConfigEnum.parse(NestedGroups.class, text);
  }
}
