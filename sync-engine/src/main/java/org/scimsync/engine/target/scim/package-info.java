/** The {@link org.scimsync.engine.target.ScimTarget} adapter over the SCIM client. */
package org.scimsync.engine.target.scim;
