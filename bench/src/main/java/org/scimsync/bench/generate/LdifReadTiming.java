package org.scimsync.bench.generate;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.sources.ldif.LdifDirectorySource;
import org.scimsync.sources.ldif.LdifSourceConfig;

/**
 * Measures reading a generated LDIF directory by hand (not part of the build): prints the wall time
 * of each read, the heap used with the snapshot alive, and the peak heap.
 *
 * <p>On a shared machine the wall time depends on the load; the main thread's CPU time does not.
 *
 * <p>Usage: {@code LdifReadTiming FILE [runs]}; generates 50,000 users and 10,000 groups into FILE
 * first when it does not exist.
 */
public final class LdifReadTiming {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private LdifReadTiming() {}

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "directory.ldif");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    if (!Files.exists(file)) {
      new DirectoryGenerator(50_000, 10_000, 42).write(file);
    }
    System.out.printf("file=%s bytes=%d%n", file, Files.size(file));
    DirectorySnapshot snapshot = null;
    for (int run = 1; run <= runs; run++) {
      snapshot = null;
      System.gc();
      resetPeaks();
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long processCpuStart = PROCESS.getProcessCpuTime();
      long gcStart = gcMillis();
      snapshot = new LdifDirectorySource(LdifSourceConfig.of(file)).read();
      long millis = (System.nanoTime() - start) / 1_000_000;
      long cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
      long gc = gcMillis() - gcStart;
      long processCpuMillis = (PROCESS.getProcessCpuTime() - processCpuStart) / 1_000_000;
      System.out.printf(
          "run=%d wallMs=%d mainThreadCpuMs=%d processCpuMs=%d gcMs=%d users=%d groups=%d memberships=%d warnings=%d peakHeapMb=%d%n",
          run,
          millis,
          cpuMillis,
          processCpuMillis,
          gc,
          snapshot.userCount(),
          snapshot.groupCount(),
          snapshot.membershipCount(),
          snapshot.warnings().size(),
          peakHeap() >> 20);
    }
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        "retainedHeapMb=%d (snapshot of %d users alive)%n",
        (runtime.totalMemory() - runtime.freeMemory()) >> 20,
        snapshot == null ? 0 : snapshot.userCount());
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
