/** Synthetic directories for benchmarks: deterministic LDIF with realistic skew. */
package org.scimsync.bench.generate;
