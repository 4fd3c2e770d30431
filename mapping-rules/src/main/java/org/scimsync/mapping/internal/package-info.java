/** Compiled rules for one kind of object (users or groups) and their application to an entry. */
@NullMarked
package org.scimsync.mapping.internal;

import org.jspecify.annotations.NullMarked;
