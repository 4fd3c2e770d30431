package org.scimsync.cli.config;

import java.util.Objects;
import org.scimsync.engine.state.TargetNames;

/**
 * One target of a configuration, with everything that is its own: its name, the SCIM service
 * provider, the rules and the deprovisioning policy. A single {@code target:} section gives one,
 * named {@value TargetNames#DEFAULT}; each entry of {@code targets:} gives one, whose {@code
 * users}, {@code groups} and {@code deprovision} replace (never merge with) the top-level sections
 * when present.
 *
 * @param name the target's name ({@link TargetNames})
 * @param target the SCIM service provider
 * @param users user scoping and mapping rules
 * @param groups group scoping and mapping rules
 * @param deprovision deprovisioning and safety thresholds
 * @param section the key of its section in the file: {@code target} or {@code targets[i]}
 * @param ownUsers whether {@code users} is the target's own section (else the top-level one)
 * @param ownGroups whether {@code groups} is the target's own section (else the top-level one)
 */
public record TargetSpec(
    String name,
    TargetConfig target,
    RuleConfig users,
    RuleConfig groups,
    DeprovisionConfig deprovision,
    String section,
    boolean ownUsers,
    boolean ownGroups) {

  public TargetSpec {
    TargetNames.check(name);
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(deprovision, "deprovision");
    Objects.requireNonNull(section, "section");
  }

  /**
   * Where a key of the rules is written in the file: {@code users.map.mail} of a target with its
   * own users section is {@code targets[1].users.map.mail}.
   */
  public String ruleKey(String key) {
    boolean own = key.startsWith("users") ? ownUsers : key.startsWith("groups") ? ownGroups : false;
    return own ? section + "." + key : key;
  }
}
