package org.scimsync.sources.assembly;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.scimsync.common.ConfigEnum;

/**
 * What a group that is a member of another group means for the outer group's members: {@code
 * source.groups.nested}.
 */
public enum NestedGroups implements ConfigEnum {
  /**
   * The users of a nested group are members of the outer group too, at any depth; cycles are
   * harmless and each user is listed once.
   */
  FLATTEN("flatten"),
  /** Only direct user members count; nested groups contribute no members. */
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
