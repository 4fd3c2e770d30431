package org.scimsync.emulator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.scimsync.emulator.ScimEmulator;

/**
 * Seeds the emulator with many users, prints the heap they take, then runs N client threads for D
 * seconds with a mix of reads and writes and prints requests per second. Run by hand:
 *
 * <pre>
 * java -cp ... org.scimsync.emulator.bench.EmulatorThroughputBenchmark [users] [threads] [seconds]
 * </pre>
 */
public final class EmulatorThroughputBenchmark {
  private static final java.util.concurrent.atomic.AtomicLong CREATED =
      new java.util.concurrent.atomic.AtomicLong();

  private EmulatorThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    try (ScimEmulator emulator = ScimEmulator.builder().build().start()) {
      Runtime runtime = Runtime.getRuntime();
      System.gc();
      long before = runtime.totalMemory() - runtime.freeMemory();
      long seedStart = System.nanoTime();
      List<String> ids = new ArrayList<>(users);
      for (int i = 0; i < users; i++) {
        ids.add(emulator.seedUser("user" + i + "@example.com", "ext-" + i));
      }
      long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
      System.gc();
      long after = runtime.totalMemory() - runtime.freeMemory();
      System.out.printf(
          "seeded users=%d in %d ms, heap for them=%d MB%n",
          users, seedMillis, (after - before) / (1024 * 1024));

      String base = emulator.baseUri().toString();
      System.out.println("warming up for " + seconds + " s ...");
      phase(base, ids, threads, seconds, new LongAdder(), new LongAdder());
      emulator.resetStats();
      LongAdder requests = new LongAdder();
      LongAdder failures = new LongAdder();
      var os =
          (com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpuBefore = os.getProcessCpuTime();
      Map<Long, Long> serverCpuBefore = serverThreadCpu();
      phase(base, ids, threads, seconds, requests, failures);
      Map<Long, Long> serverCpuAfter = serverThreadCpu();
      long serverCpu = 0;
      for (Map.Entry<Long, Long> e : serverCpuAfter.entrySet()) {
        serverCpu += e.getValue() - serverCpuBefore.getOrDefault(e.getKey(), 0L);
      }
      System.out.printf(
          "threads=%d seconds=%d requests=%d failures=%d throughput=%.0f req/s%n",
          threads, seconds, requests.sum(), failures.sum(), requests.sum() / (double) seconds);
      long cpuNanos = os.getProcessCpuTime() - cpuBefore;
      System.out.printf(
          "process CPU (server and clients together) per request=%.3f ms, i.e. %.0f req/s per"
              + " fully available core%n",
          cpuNanos / 1e6 / requests.sum(), requests.sum() / (cpuNanos / 1e9));
      System.out.printf(
          "server threads CPU per request=%.3f ms, i.e. %.0f req/s on the 2 cores if the"
              + " clients ran elsewhere%n",
          serverCpu / 1e6 / requests.sum(), 2 * requests.sum() / (serverCpu / 1e9));
      System.out.println("load average=" + os.getSystemLoadAverage());
      System.out.println("stats by API: " + emulator.stats().byApi());
    }
  }

  private static void phase(
      String base,
      List<String> ids,
      int threads,
      int seconds,
      LongAdder requests,
      LongAdder failures)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int worker = t;
      Thread thread =
          new Thread(() -> run(base, ids, worker, end, requests, failures), "bench-client-" + t);
      workers.add(thread);
      thread.start();
    }
    for (Thread thread : workers) {
      thread.join();
    }
  }

  /** CPU time of the emulator's threads (request pool and HTTP dispatcher) by thread id. */
  private static Map<Long, Long> serverThreadCpu() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null
          && (info.getThreadName().startsWith("scim-emulator-")
              || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
        cpu.put(info.getThreadId(), mx.getThreadCpuTime(info.getThreadId()));
      }
    }
    return cpu;
  }

  private static void run(
      String base, List<String> ids, int worker, long end, LongAdder requests, LongAdder failures) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String cursor = "";

    while (System.nanoTime() < end) {
      int pick = random.nextInt(100);
      HttpRequest.Builder request;
      if (pick < 40) {
        request = get(base + "/Users/" + ids.get(random.nextInt(ids.size())));
      } else if (pick < 60) {
        String filter = "userName eq \"user" + random.nextInt(ids.size()) + "@example.com\"";
        request = get(base + "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
      } else if (pick < 70) {
        request = get(base + "/Users?count=100&cursor=" + cursor);
      } else if (pick < 85) {
        String body =
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                + "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"T"
                + random.nextInt(1000)
                + "\"}]}";
        request =
            json(base + "/Users/" + ids.get(random.nextInt(ids.size())))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
      } else {
        String name = "w" + worker + "-" + CREATED.incrementAndGet();
        String body =
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + name
                + "\",\"displayName\":\""
                + name
                + "\",\"name\":{\"givenName\":\"G\",\"familyName\":\"F\"}}";
        request = json(base + "/Users").POST(HttpRequest.BodyPublishers.ofString(body));
      }
      try {
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        requests.increment();
        if (response.statusCode() >= 300) {
          failures.increment();
        }
        if (pick >= 60 && pick < 70) {
          int at = response.body().indexOf("\"nextCursor\":\"");
          cursor =
              at < 0
                  ? ""
                  : response.body().substring(at + 14, response.body().indexOf('"', at + 14));
        }
      } catch (Exception e) {
        failures.increment();
      }
    }
  }

  private static HttpRequest.Builder get(String uri) {
    return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer emulator-token");
  }

  private static HttpRequest.Builder json(String uri) {
    return get(uri).header("Content-Type", "application/scim+json");
  }
}
