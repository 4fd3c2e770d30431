package org.scimsync.engine;

import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.mapping.MappingResult;

/**
 * Scoping, mapping and sanitizing of source entries into SCIM resources: the engine's view of the
 * mapping rules. Implementations are pure and safe for use by several threads.
 */
public interface ResourceMapper {

  /** Maps one source user. */
  MappingResult mapUser(SourceUser user);

  /** Maps one source group; its resource holds at least {@code displayName}. */
  MappingResult mapGroup(SourceGroup group);
}
