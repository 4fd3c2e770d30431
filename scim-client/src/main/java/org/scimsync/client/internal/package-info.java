/**
 * Implementation details of the SCIM client: HTTP transport with retries and rate limits (bodies
 * kept as bytes), error body parsing, paging (cursor pages fetched ahead on a thread of their own),
 * filter escaping and PATCH batching. Not part of the public API.
 */
@NullMarked
package org.scimsync.client.internal;

import org.jspecify.annotations.NullMarked;
