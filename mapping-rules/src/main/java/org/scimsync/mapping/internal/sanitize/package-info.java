/** Target-profile sanitizers: what a target refuses is removed, reduced or rejected. */
@NullMarked
package org.scimsync.mapping.internal.sanitize;

import org.jspecify.annotations.NullMarked;
