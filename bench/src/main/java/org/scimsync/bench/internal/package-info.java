/**
 * How the benchmark works: the sync JVM it starts per scenario, the heap watch, the directory
 * change, the floor of needed requests and the results table.
 */
package org.scimsync.bench.internal;
