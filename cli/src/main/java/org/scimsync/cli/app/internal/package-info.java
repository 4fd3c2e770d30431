/** Adapters and views of the composition root: port settings, the SCIM target adapter, history. */
package org.scimsync.cli.app.internal;
