/**
 * An in-memory SCIM 2.0 service provider that behaves like AWS IAM Identity Center (or a lenient
 * RFC 7644 provider), with fault injection, for tests, benchmarks and the demo. Start one with
 * {@link org.scimsync.emulator.ScimEmulator#builder()}.
 */
@NullMarked
package org.scimsync.emulator;

import org.jspecify.annotations.NullMarked;
