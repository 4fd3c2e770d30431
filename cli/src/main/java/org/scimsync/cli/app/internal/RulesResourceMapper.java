package org.scimsync.cli.app.internal;

import java.util.Objects;
import org.scimsync.engine.plan.ResourceMapper;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.mapping.MappingResult;
import org.scimsync.mapping.MappingRules;

/** The engine's {@link ResourceMapper} port, implemented by the compiled {@link MappingRules}. */
public final class RulesResourceMapper implements ResourceMapper {

  private final MappingRules rules;

  public RulesResourceMapper(MappingRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  @Override
  public MappingResult mapUser(SourceUser user) {
    return rules.mapUser(user);
  }

  @Override
  public MappingResult mapGroup(SourceGroup group) {
    return rules.mapGroup(group);
  }

  /**
   * The rules' fingerprint and the version of scim-sync, whose code gives the rules their meaning:
   * another version maps every user again once.
   */
  @Override
  public String rulesFingerprint() {
    String version = RulesResourceMapper.class.getPackage().getImplementationVersion();
    return rules.fingerprint() + " " + (version != null ? version : "development");
  }
}
