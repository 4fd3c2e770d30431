/**
 * Building a resource: expression results checked against the attribute's type and converted to
 * JSON values, assembled into a sorted tree, and written as a canonical Jackson object.
 */
@NullMarked
package org.scimsync.mapping.internal.resource;

import org.jspecify.annotations.NullMarked;
