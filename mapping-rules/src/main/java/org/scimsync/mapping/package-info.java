/**
 * Mapping rules: scoping filters and attribute mappings written as sandboxed JEXL expressions, and
 * the target-profile sanitizers that make a mapped resource acceptable to its target.
 */
package org.scimsync.mapping;
