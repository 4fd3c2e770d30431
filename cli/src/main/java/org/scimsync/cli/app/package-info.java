/**
 * The composition root: {@link org.scimsync.cli.app.Application} wires the directory source, the
 * mapping rules, the SCIM client, the state store and the engine from one configuration.
 */
package org.scimsync.cli.app;
