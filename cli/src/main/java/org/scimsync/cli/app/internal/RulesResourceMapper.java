package org.scimsync.cli.app.internal;

import java.util.Objects;
import org.scimsync.engine.MappingOutcome;
import org.scimsync.engine.ResourceMapper;
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
  public MappingOutcome mapUser(SourceUser user) {
    return outcome(rules.mapUser(user));
  }

  @Override
  public MappingOutcome mapGroup(SourceGroup group) {
    return outcome(rules.mapGroup(group));
  }

  private static MappingOutcome outcome(MappingResult result) {
    if (result instanceof MappingResult.Mapped mapped) {
      return new MappingOutcome.Mapped(mapped.resource(), mapped.warnings());
    }
    if (result instanceof MappingResult.Excluded excluded) {
      return new MappingOutcome.Excluded(excluded.reason());
    }
    MappingResult.Rejected rejected = (MappingResult.Rejected) result;
    return new MappingOutcome.Rejected(rejected.reason(), rejected.warnings());
  }
}
