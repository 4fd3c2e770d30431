/**
 * A SCIM 2.0 client for AWS IAM Identity Center and RFC 7644 service providers: typed calls, lazy
 * paging, escaped filters, membership batching, retries with backoff, per-operation rate limits and
 * target profiles. Start with {@link org.scimsync.client.ScimClient#create}.
 */
@NullMarked
package org.scimsync.client;

import org.jspecify.annotations.NullMarked;
