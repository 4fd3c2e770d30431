/**
 * Implementation of the emulator: the HTTP exchange handling, the indexed in-memory directory, the
 * profile rules (validation, PATCH, filters, paging) and the fault injector.
 */
@NullMarked
package org.scimsync.emulator.internal;

import org.jspecify.annotations.NullMarked;
