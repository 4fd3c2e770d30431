package org.scimsync.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.scimsync.client.RateLimits;
import org.scimsync.client.ScimClient;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetProfile;
import org.scimsync.common.Secret;
import org.scimsync.emulator.FaultSettings;
import org.scimsync.emulator.ScimEmulator;

/**
 * What a chain of cursor pages costs on this machine, apart from the engine (not part of the
 * build): the floor under the no-op full run's listing. Walks {@code pages} pages of 100 users
 * three ways, each page answered {@code latency} after its request arrived:
 *
 * <ol>
 *   <li>{@code minimal}: a bare JDK {@link HttpServer} serving ready-made pages, walked with {@link
 *       HttpURLConnection} reading each body and finding the cursor in it, nothing else: the least
 *       a page costs here (the round trip, the wake-ups of a machine idle between requests);
 *   <li>{@code client}: the same server walked with {@link ScimClient#listUsersAsTrees()} (retries,
 *       rate limits off, the bodies parsed into trees);
 *   <li>{@code emulator}: the emulator seeded with the same users, walked with the same client.
 * </ol>
 *
 * <p>Usage: {@code ListingChainTiming [pages] [latencyMillis] [rounds]} (defaults 500, 30, 3); run
 * it with the JVM options of a sync ({@code -XX:TieredStopAtLevel=1}).
 */
public final class ListingChainTiming {

  private static final String TOKEN = "chain-timing-token";
  private static final int PAGE = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ListingChainTiming() {}

  /** Prints the milliseconds per page of each way, for each round. */
  public static void main(String[] args) throws Exception {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    long latency = args.length > 1 ? Long.parseLong(args[1]) : 30;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    try (ScimEmulator emulator =
        ScimEmulator.builder()
            .token(TOKEN)
            .shortPageEvery(0)
            .faults(FaultSettings.none().withLatency(Duration.ofMillis(latency)))
            .build()
            .start()) {
      for (int i = 0; i < pages * PAGE; i++) {
        emulator.seedUser(user(i));
      }
      List<byte[]> bodies = pagesOf(emulator.baseUri(), pages);
      HttpServer server = minimalServer(bodies, latency);
      ExecutorService threads = Executors.newCachedThreadPool();
      server.setExecutor(threads);
      server.start();
      try {
        URI minimal = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/scim/v2");
        System.out.printf(
            Locale.ROOT,
            "pages=%d users=%d latencyMs=%d pageBytes=%d cpus=%d%n",
            pages,
            pages * PAGE,
            latency,
            bodies.get(0).length,
            Runtime.getRuntime().availableProcessors());
        try (ScimClient toMinimal = client(minimal);
            ScimClient toEmulator = client(emulator.baseUri())) {
          for (int round = 1; round <= rounds; round++) {
            time(round, "minimal", pages, latency, () -> walk(minimal));
            time(round, "client", pages, latency, () -> count(toMinimal::listUsersAsTrees));
            time(round, "emulator", pages, latency, () -> count(toEmulator::listUsersAsTrees));
          }
        }
      } finally {
        server.stop(0);
        threads.shutdownNow();
      }
    }
  }

  private static void time(int round, String way, int pages, long latency, Supplier<Long> walk) {
    long start = System.nanoTime();
    long walked = walk.get();
    double millis = (System.nanoTime() - start) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "round=%d way=%-8s pages=%d seconds=%.2f msPerPage=%.2f ratioToLatency=%.3f%n",
        round,
        way,
        walked,
        millis / 1000,
        millis / walked,
        millis / (walked * (double) latency));
  }

  private static long count(Supplier<Stream<ObjectNode>> list) {
    try (Stream<ObjectNode> users = list.get()) {
      return (users.count() + PAGE - 1) / PAGE;
    }
  }

  /** Walks the minimal server's pages with a bare client: read the body, find the cursor. */
  private static long walk(URI base) {
    String cursor = "";
    long pages = 0;
    while (cursor != null) {
      byte[] body = get(URI.create(base + "/Users?count=100&cursor=" + cursor));
      cursor = cursorOf(body);
      pages++;
    }
    return pages;
  }

  private static List<byte[]> pagesOf(URI emulator, int pages) {
    List<byte[]> bodies = new ArrayList<>(pages);
    String cursor = "";
    while (cursor != null) {
      byte[] body = get(URI.create(emulator + "/Users?count=100&cursor=" + cursor));
      cursor = cursorOf(body);
      bodies.add(body);
    }
    if (bodies.size() != pages) {
      throw new IllegalStateException("expected " + pages + " pages, got " + bodies.size());
    }
    // The minimal server's own cursors: the page number.
    List<byte[]> renumbered = new ArrayList<>(pages);
    for (int i = 0; i < pages; i++) {
      String text = new String(bodies.get(i), StandardCharsets.UTF_8);
      String next = i + 1 < pages ? "\"nextCursor\":\"" + (i + 1) + "\"," : "";
      renumbered.add(
          text.replaceFirst("\"nextCursor\":\"[^\"]*\",", next).getBytes(StandardCharsets.UTF_8));
    }
    return renumbered;
  }

  private static HttpServer minimalServer(List<byte[]> bodies, long latencyMillis)
      throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext(
        "/",
        exchange -> {
          long arrived = System.nanoTime();
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String cursor = "";
            for (String parameter : exchange.getRequestURI().getRawQuery().split("&")) {
              if (parameter.startsWith("cursor=")) {
                cursor = parameter.substring("cursor=".length());
              }
            }
            byte[] body = bodies.get(cursor.isEmpty() ? 0 : Integer.parseInt(cursor));
            long wait =
                TimeUnit.MILLISECONDS.toNanos(latencyMillis) - (System.nanoTime() - arrived);
            if (wait > 0) {
              TimeUnit.NANOSECONDS.sleep(wait);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    return server;
  }

  private static byte[] get(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setRequestProperty("Authorization", "Bearer " + TOKEN);
      try (InputStream in = connection.getInputStream()) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new IllegalStateException("GET " + uri + " failed: " + e.getMessage(), e);
    }
  }

  private static String cursorOf(byte[] body) {
    try {
      var cursor = JSON.readTree(body).get("nextCursor");
      return cursor == null ? null : cursor.asText();
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + e.getMessage(), e);
    }
  }

  private static ScimClient client(URI base) {
    return ScimClient.create(
        ScimClientConfig.builder(base, Secret.of(TOKEN), TargetProfile.AWS_IDENTITY_CENTER)
            .allowPlainHttp(true)
            .rateLimits(new RateLimits(0, 0))
            .build());
  }

  private static ObjectNode user(int i) {
    ObjectNode user = JSON.createObjectNode();
    String mail = "user" + i + "@example.com";
    user.put("userName", mail);
    user.put(
        "externalId", UUID.nameUUIDFromBytes(mail.getBytes(StandardCharsets.UTF_8)).toString());
    user.put("displayName", "User Number " + i);
    user.putObject("name").put("givenName", "User").put("familyName", "Number " + i);
    user.putArray("emails").addObject().put("value", mail).put("type", "work").put("primary", true);
    user.put("title", "Senior Software Engineer");
    user.put("active", true);
    ObjectNode enterprise =
        user.putObject("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    enterprise.put("department", "Engineering " + (i % 40));
    enterprise.put("employeeNumber", Integer.toString(100000 + i));
    user.putArray("schemas")
        .add("urn:ietf:params:scim:schemas:core:2.0:User")
        .add("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    return user;
  }
}
