/**
 * Implementation details of the SCIM client: HTTP transport with retries and rate limits, error
 * body parsing, paging, filter escaping and PATCH batching. Not part of the public API.
 */
@NullMarked
package org.scimsync.client.internal;

import org.jspecify.annotations.NullMarked;
