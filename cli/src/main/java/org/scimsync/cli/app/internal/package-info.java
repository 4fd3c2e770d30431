/** Adapters and views of the composition root: port settings, history. */
package org.scimsync.cli.app.internal;
