/**
 * Mapping rules: scoping filters and attribute mappings written as sandboxed JEXL expressions, and
 * the target-profile sanitizers that make a mapped resource acceptable to its target.
 *
 * <p>Start at {@link org.scimsync.mapping.MappingRules#compile}; it turns the {@code users:} and
 * {@code groups:} sections of the configuration ({@link org.scimsync.mapping.RuleSpec}) into rules
 * that map {@link org.scimsync.mapping.SourceEntry source entries} to SCIM resources ({@link
 * org.scimsync.mapping.MappingResult}).
 */
@NullMarked
package org.scimsync.mapping;

import org.jspecify.annotations.NullMarked;
