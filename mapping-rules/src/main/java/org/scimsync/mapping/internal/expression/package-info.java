/**
 * Sandboxed JEXL: the engine configuration, the view of a source entry that expressions see, and
 * the translation of JEXL errors into messages that name the configuration key.
 */
@NullMarked
package org.scimsync.mapping.internal.expression;

import org.jspecify.annotations.NullMarked;
