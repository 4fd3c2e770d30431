package org.scimsync.engine;

import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;

/**
 * Scoping, mapping and sanitizing of source entries into SCIM resources: the engine's view of the
 * mapping rules. Implementations are pure and safe for use by several threads.
 */
public interface ResourceMapper {

  /** Maps one source user. */
  MappingOutcome mapUser(SourceUser user);

  /** Maps one source group; its resource holds at least {@code displayName}. */
  MappingOutcome mapGroup(SourceGroup group);
}
