/**
 * The SCIM attributes that mapping rules may produce (RFC 7643 core user and group, enterprise
 * extension) and the attribute paths that name them in configuration.
 */
@NullMarked
package org.scimsync.mapping.internal.schema;

import org.jspecify.annotations.NullMarked;
