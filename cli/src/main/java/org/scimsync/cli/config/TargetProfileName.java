package org.scimsync.cli.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.scimsync.common.ConfigEnum;

/** The behaviour profile of the SCIM target: {@code target.profile}. */
public enum TargetProfileName implements ConfigEnum {
  /** AWS IAM Identity Center: its limits, quotas and refused attributes. */
  AWS_IDENTITY_CENTER("aws-identity-center"),
  /** A plain RFC 7644 service provider. */
  GENERIC("generic");

  private final String configName;

  TargetProfileName(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }

  @JsonCreator
  static TargetProfileName fromConfig(String text) {
    return ConfigEnum.parse(TargetProfileName.class, text);
  }
}
