package org.scimsync.engine.plan;

import org.jspecify.annotations.Nullable;
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

  /**
   * A fingerprint of the rules: two mappers with the same fingerprint map every entry alike. With
   * one, the engine remembers between runs what each user mapped to, and maps again only the users
   * whose source entry changed. Null (the default) when unknown: every run maps every user.
   */
  default @Nullable String rulesFingerprint() {
    return null;
  }
}
