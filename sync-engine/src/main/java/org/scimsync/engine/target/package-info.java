/**
 * The SCIM-target port in engine terms: users, groups, attribute changes and the failure classes of
 * the target. The adapter over the SCIM client lives in {@code target.scim}.
 */
package org.scimsync.engine.target;
