/**
 * Types shared by the client, the directory sources, the engine and the service, which must not
 * depend on each other for them: today the {@link org.scimsync.common.Secret} holder.
 */
@NullMarked
package org.scimsync.common;

import org.jspecify.annotations.NullMarked;
