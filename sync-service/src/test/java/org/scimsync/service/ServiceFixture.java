package org.scimsync.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** A service on a loopback port with a recording launcher, and a client that signs requests. */
final class ServiceFixture implements AutoCloseable {

  static final String SECRET = "a webhook secret long enough";

  final RecordingLauncher launcher;
  final RunHistoryDouble store;
  final SyncMetrics metrics =
      new SyncMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC());
  final List<String> problems = new CopyOnWriteArrayList<>();
  final SyncService service;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ServiceFixture(
      RecordingLauncher launcher,
      RunHistoryDouble store,
      @Nullable String cron,
      Duration debounce,
      boolean catchUp) {
    this(launcher, store, cron, debounce, catchUp, Clock.systemUTC());
  }

  ServiceFixture(
      RecordingLauncher launcher,
      RunHistoryDouble store,
      @Nullable String cron,
      Duration debounce,
      boolean catchUp,
      Clock clock) {
    this(null, launcher, store, cron, debounce, catchUp, clock);
  }

  /** One instance of a cluster on the shared database of {@code cluster}. */
  ServiceFixture(
      @Nullable ClusterSettings cluster,
      RecordingLauncher launcher,
      RunHistoryDouble store,
      @Nullable String cron,
      Duration debounce,
      boolean catchUp,
      Clock clock) {
    this.launcher = launcher;
    this.store = store;
    ServiceSettings settings =
        new ServiceSettings(
            new InetSocketAddress("127.0.0.1", 0),
            cron,
            null,
            debounce,
            Duration.ofSeconds(10),
            catchUp);
    this.service =
        new SyncService(
            settings,
            launcher,
            store,
            WebhookSignature.ofUtf8(SECRET),
            () -> List.copyOf(problems),
            metrics,
            clock,
            new SyncService.Extras(cluster, null, null));
    service.start();
  }

  /** A service without schedule or catch-up run, with this debounce window. */
  static ServiceFixture webhookOnly(RecordingLauncher launcher, Duration debounce) {
    return new ServiceFixture(launcher, new RunHistoryDouble(), null, debounce, false);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The body of an answer as JSON. */
  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  URI uri(String path) {
    InetSocketAddress address = service.address();
    return URI.create("http://127.0.0.1:" + address.getPort() + path);
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  /** Posts a body signed with the secret at this timestamp. */
  HttpResponse<String> postSigned(String body, long timestamp) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return post(
        body, String.valueOf(timestamp), WebhookSignature.ofUtf8(SECRET).sign(timestamp, bytes));
  }

  /** Posts with these header values; a null value leaves the header out. */
  HttpResponse<String> post(String body, @Nullable String timestamp, @Nullable String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/hooks/directory-changed"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (timestamp != null) {
      request.header(WebhookSignature.TIMESTAMP_HEADER, timestamp);
    }
    if (signature != null) {
      request.header(WebhookSignature.SIGNATURE_HEADER, signature);
    }
    return send(request.build());
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    launcher.release();
    service.close();
  }
}
