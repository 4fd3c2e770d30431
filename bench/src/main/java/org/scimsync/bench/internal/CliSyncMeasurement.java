package org.scimsync.bench.internal;

/**
 * What a {@code scim-sync sync} process measured about itself (its reports are in its output).
 *
 * @param exitCode the command's exit code
 * @param commandMillis the whole command: loading the configuration, wiring, every target's run,
 *     printing the reports
 * @param cpuMillis CPU time of the whole process, all threads
 * @param peakHeapBytes the most heap in use at any observed moment
 * @param maxLiveHeapBytes the most heap still in use after a collection
 * @param maxHeapBytes the heap limit of the process
 * @param collections garbage collections during the command
 */
public record CliSyncMeasurement(
    int exitCode,
    long commandMillis,
    long cpuMillis,
    long peakHeapBytes,
    long maxLiveHeapBytes,
    long maxHeapBytes,
    long collections) {}
