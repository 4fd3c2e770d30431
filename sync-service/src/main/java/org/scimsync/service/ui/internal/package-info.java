/** How the status page checks access, reads the store into views, and renders HTML. */
@NullMarked
package org.scimsync.service.ui.internal;

import org.jspecify.annotations.NullMarked;
