package org.scimsync.service.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.Secret;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.testing.InMemoryStateStore;
import org.scimsync.service.RunLauncher;
import org.scimsync.service.RunRequest;
import org.scimsync.service.RunResult;
import org.scimsync.service.ServiceSettings;
import org.scimsync.service.StatusPageSettings;
import org.scimsync.service.SyncMetrics;
import org.scimsync.service.SyncService;
import org.scimsync.service.WebhookSignature;

/**
 * A service with the status page on a loopback port, over an in-memory state store holding a few
 * runs: one with a failed change, and objects named to try the escaping.
 */
final class StatusPageFixture implements AutoCloseable {

  static final String USER = "admin";
  static final String PASSWORD = "correct horse battery";
  static final String TOKEN = "a-bearer-token-for-scripts";
  static final String WEBHOOK_SECRET = "a webhook secret long enough";
  static final String SCRIPT_NAME = "<script>alert('x')</script>@example.org";
  static final String FAILURE = "Attribute 'title' must be a string.";

  final InMemoryStateStore store = new InMemoryStateStore();
  final List<RunRequest> launched = new CopyOnWriteArrayList<>();
  final SyncService service;
  final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final AtomicInteger runs = new AtomicInteger();

  StatusPageFixture(UiConfig ui) {
    seed();
    RunLauncher launcher = this::launch;
    service =
        new SyncService(
            ServiceSettings.of("0 0 3 * * ?", null)
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withCatchUpOnStart(false),
            launcher,
            store,
            WebhookSignature.ofUtf8(WEBHOOK_SECRET),
            List::of,
            new SyncMetrics(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC()),
            Clock.systemUTC(),
            new SyncService.Extras(null, null, new StatusPageSettings(ui, "scim.example.org")));
    service.start();
  }

  static UiConfig passwordAndToken() {
    return new UiConfig(USER, null, Secret.of(PASSWORD), Secret.of(TOKEN), null);
  }

  private void seed() {
    ObjectMapper json = new ObjectMapper();
    Instant start = Instant.parse("2026-12-01T08:00:00Z");
    long first = store.beginRun(new RunStart("schedule", true, false, start));
    journal(first, "CREATE_USER", ObjectKind.USER, "u-alice", "alice@example.org", null);
    journal(first, "CREATE_USER", ObjectKind.USER, "u-bob", "bob@example.org", FAILURE);
    journal(first, "CREATE_USER", ObjectKind.USER, "u-script", SCRIPT_NAME, null);
    journal(first, "CREATE_GROUP", ObjectKind.GROUP, "g-eng", "aws-engineering", null);
    store.finishRun(
        first, new RunSummary(RunStatus.PARTIAL, 4, 3, 1, start.plusSeconds(2), "1 change failed"));
    ObjectNode alice = json.createObjectNode().put("userName", "alice@example.org");
    store.saveLink(link(ObjectKind.USER, "u-alice", "t-alice"), alice);
    ObjectNode script = json.createObjectNode().put("userName", SCRIPT_NAME);
    store.saveLink(link(ObjectKind.USER, "u-script", "t-script"), script);
    ObjectNode group = json.createObjectNode().put("displayName", "aws-engineering");
    store.saveLink(link(ObjectKind.GROUP, "g-eng", "t-eng"), group);
    store.addMemberships("g-eng", Set.of("u-alice", "u-script"));
    long second = store.beginRun(new RunStart("webhook", false, false, start.plusSeconds(600)));
    store.finishRun(
        second,
        new RunSummary(
            RunStatus.STOPPED_BY_GUARD,
            5,
            0,
            0,
            start.plusSeconds(601),
            "the run would delete 5 users, more than deprovision.maxDeletes (3)"));
  }

  private Link link(ObjectKind kind, String key, String targetId) {
    return new Link(
        kind, key, targetId, "hash-" + key, false, Instant.parse("2026-12-01T08:00:01Z"));
  }

  private void journal(
      long run, String change, ObjectKind kind, String key, String label, @Nullable String error) {
    long id = store.journalBegin(run, new JournalEntry(change, kind, key, null, label, List.of()));
    store.journalEnd(
        id,
        error == null
            ? new ChangeOutcome(ChangeOutcome.Result.APPLIED, 201, "t-" + key, null)
            : new ChangeOutcome(ChangeOutcome.Result.FAILED, 400, null, error));
  }

  /** A run of the launcher: recorded in the store like the engine would, with its notes. */
  private RunResult launch(RunRequest request) {
    launched.add(request);
    Instant now = Instant.now();
    long id =
        store.beginRun(new RunStart(request.trigger().label(), request.forceFull(), false, now));
    store.finishRun(id, new RunSummary(RunStatus.SUCCEEDED, 0, 0, 0, now.plusMillis(5), null));
    runs.incrementAndGet();
    return new RunResult(
            id, RunStatus.SUCCEEDED, 0, request.forceFull(), 0, 0, Map.of(), Duration.ofMillis(5))
        .withNotes(new RunNotes(List.of("user zoe: photos removed"), List.of(), "No changes."));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + service.address().getPort() + path);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, @Nullable String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  HttpResponse<String> page(String path) {
    return get(path, basic(USER, PASSWORD));
  }

  HttpResponse<String> postForm(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", basic(USER, PASSWORD));
    headers.forEach(request::header);
    return send(request.build());
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

  /** The CSRF token of the page's form. */
  static String csrf(String html) {
    int at = html.indexOf("name=\"csrf\" value=\"");
    if (at < 0) {
      throw new AssertionError("no CSRF field in the page");
    }
    int start = at + "name=\"csrf\" value=\"".length();
    return html.substring(start, html.indexOf('"', start));
  }

  /** Every page of the fixture's data. */
  static List<String> pages() {
    List<String> pages = new ArrayList<>();
    pages.add("/ui/");
    pages.add("/ui/runs");
    pages.add("/ui/runs/1");
    pages.add("/ui/runs/1?q=bob");
    pages.add("/ui/users/u-alice");
    pages.add("/ui/users/u-script");
    pages.add("/ui/groups/g-eng");
    pages.add("/ui/search?q=script");
    pages.add("/ui/style.css");
    return pages;
  }

  @Override
  public void close() {
    service.close();
  }
}
