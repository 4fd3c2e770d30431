/**
 * End-to-end benchmarks of scim-sync against the emulator at AWS's quotas: {@link
 * org.scimsync.bench.SyncBenchmark} runs the scenarios and writes {@link
 * org.scimsync.bench.BenchmarkResults} as JSON and markdown.
 */
package org.scimsync.bench;
