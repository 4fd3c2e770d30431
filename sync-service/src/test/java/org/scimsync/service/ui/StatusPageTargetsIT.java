package org.scimsync.service.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.service.ui.StatusPageFixture.PASSWORD;
import static org.scimsync.service.ui.StatusPageFixture.USER;
import static org.scimsync.service.ui.StatusPageFixture.basic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.StateStore;
import org.scimsync.state.sqlite.SqliteStateStore;

/**
 * The status page of two targets, {@code aws} and {@code slack}, each over its own SQLite state
 * store: a card and a "Run now" per target, runs found in the store that has them, object pages and
 * search per target, and unknown targets refused.
 */
class StatusPageTargetsIT {

  /** What the page asked of the service: a target (null for all) and full or not. */
  record Requested(@Nullable String target, boolean full) {}

  private static final List<Requested> REQUESTED = new CopyOnWriteArrayList<>();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private static StateStore aws;
  private static StateStore slack;
  private static HttpServer server;

  @BeforeAll
  static void start() throws IOException {
    aws = SqliteStateStore.openInMemory();
    slack = SqliteStateStore.openInMemory();
    Instant start = Instant.parse("2026-12-01T08:00:00Z");
    // aws: run 1 creates alice and bob
    long awsRun = aws.beginRun(new RunStart("schedule", true, false, start));
    journal(aws, awsRun, "u-alice", "alice@example.org", null);
    journal(aws, awsRun, "u-bob", "bob@example.org", null);
    aws.finishRun(awsRun, summary(RunStatus.SUCCEEDED, 2, 0, start.plusSeconds(2)));
    link(aws, "u-alice", "aws-alice", "alice@example.org");
    link(aws, "u-bob", "aws-bob", "bob@example.org");
    // slack: run 1 creates alice; run 2 (only slack has one) fails to create carol
    long slackFirst = slack.beginRun(new RunStart("schedule", true, false, start.plusSeconds(60)));
    journal(slack, slackFirst, "u-alice", "alice@example.org", null);
    slack.finishRun(slackFirst, summary(RunStatus.SUCCEEDED, 1, 0, start.plusSeconds(61)));
    link(slack, "u-alice", "slack-alice", "alice@example.org");
    long slackSecond =
        slack.beginRun(new RunStart("webhook", false, false, start.plusSeconds(120)));
    journal(slack, slackSecond, "u-carol", "carol@example.org", "Slack refuses carol");
    slack.finishRun(slackSecond, summary(RunStatus.PARTIAL, 0, 1, start.plusSeconds(121)));
    assertThat(slackSecond).as("a run id only slack has").isEqualTo(2);

    StatusProbe probe =
        new StatusProbe() {
          @Override
          public List<String> problems() {
            return List.of();
          }

          @Override
          public Optional<Instant> nextScheduledRun() {
            return Optional.empty();
          }

          @Override
          public Optional<Long> requestRun(@Nullable String target, boolean full) {
            REQUESTED.add(new Requested(target, full));
            return Optional.of((long) REQUESTED.size());
          }
        };
    StatusPage page =
        new StatusPage(
            StatusPageFixture.passwordAndToken(),
            List.of(
                new PageTarget("aws", "scim.aws.example:443", aws),
                new PageTarget("slack", "api.slack.example", slack)),
            probe,
            new RunNotebook(),
            false);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(StatusPage.PATH, page);
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    aws.close();
    slack.close();
  }

  @BeforeEach
  void forget() {
    REQUESTED.clear();
  }

  private static RunSummary summary(RunStatus status, int applied, int failed, Instant end) {
    return new RunSummary(status, applied + failed, applied, failed, end, null);
  }

  private static void journal(
      StateStore store, long run, String key, String label, @Nullable String error) {
    long id =
        store.journalBegin(
            run, new JournalEntry("CREATE_USER", ObjectKind.USER, key, null, label, List.of()));
    store.journalEnd(
        id,
        error == null
            ? new ChangeOutcome(ChangeOutcome.Result.APPLIED, 201, "t-" + key, null)
            : new ChangeOutcome(ChangeOutcome.Result.FAILED, 400, null, error));
  }

  private static void link(StateStore store, String key, String targetId, String userName) {
    store.saveLink(
        new Link(ObjectKind.USER, key, targetId, "hash-" + key, false, Instant.now()),
        new ObjectMapper().createObjectNode().put("userName", userName));
    store.addMemberships("g-" + targetId, Set.of(key));
  }

  @Test
  void theOverviewShowsACardPerTargetEachWithItsOwnRunButtons() {
    String overview = page("/ui/").body();

    assertThat(card(overview, "aws"))
        .contains("scim.aws.example:443")
        .contains("2 users")
        .contains("run 1")
        .contains("succeeded");
    assertThat(card(overview, "slack"))
        .contains("api.slack.example")
        .contains("1 users")
        .contains("run 2")
        .contains("some changes failed");
    assertThat(hiddenTarget(overview, "run-now-aws")).isEqualTo("aws");
    assertThat(hiddenTarget(overview, "run-now-slack")).isEqualTo("slack");
    assertThat(overview).contains(">Run all<");
  }

  @Test
  void eachCardsRunNowRequestsARunOfItsOwnTargetAndRunAllOfEvery() {
    String overview = page("/ui/").body();
    String csrf = StatusPageFixture.csrf(overview);

    HttpResponse<String> slackRun =
        post("target=" + hiddenTarget(overview, "run-now-slack") + "&full=false&csrf=" + csrf);
    HttpResponse<String> awsFull =
        post("target=" + hiddenTarget(overview, "run-full-aws") + "&full=true&csrf=" + csrf);
    HttpResponse<String> all = post("full=false&csrf=" + csrf);

    assertThat(List.of(slackRun, awsFull, all))
        .extracting(HttpResponse::statusCode)
        .containsOnly(303);
    assertThat(slackRun.headers().firstValue("Location"))
        .hasValue("/ui/runs?requested=1&target=slack");
    assertThat(REQUESTED)
        .containsExactly(
            new Requested("slack", false), new Requested("aws", true), new Requested(null, false));
    String notice = page("/ui/runs?requested=1&target=slack").body();
    assertThat(notice).contains("A run of target slack was requested");
  }

  @Test
  void anUnknownTargetIsRefusedAndRequestsNoRun() {
    String csrf = StatusPageFixture.csrf(page("/ui/").body());

    HttpResponse<String> refused = post("target=github&full=false&csrf=" + csrf);
    HttpResponse<String> markup = post("target=%3Cb%3Ex%3C%2Fb%3E&full=false&csrf=" + csrf);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("There is no target github");
    assertThat(markup.statusCode()).isEqualTo(400);
    assertThat(markup.body()).contains("&lt;b&gt;x").doesNotContain("<b>x");
    assertThat(REQUESTED).isEmpty();
    for (String path :
        List.of(
            "/ui/runs?target=github",
            "/ui/runs/1?target=github",
            "/ui/users/u-alice?target=github",
            "/ui/search?q=alice&target=github")) {
      assertThat(page(path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void aRunIsFoundInTheStoreOfItsTargetAndNamesIt() {
    String onlySlack = page("/ui/runs/2").body();
    assertThat(onlySlack)
        .contains("<span class=\"target-name\">slack</span>")
        .contains("carol@example.org")
        .contains("Slack refuses carol")
        .contains(attr("/ui/users/u-carol?target=slack"));

    String slackFirst = page("/ui/runs/1?target=slack").body();
    assertThat(slackFirst).contains("alice@example.org").doesNotContain("bob@example.org");
    String awsFirst = page("/ui/runs/1?target=aws").body();
    assertThat(awsFirst)
        .contains("<span class=\"target-name\">aws</span>")
        .contains("bob@example.org");
    assertThat(page("/ui/runs/2?target=aws").statusCode()).isEqualTo(404);
  }

  @Test
  void theRunsListNamesTheTargetOfEachRunAndFiltersByTarget() {
    String all = page("/ui/runs").body();
    assertThat(all)
        .contains("<th>Target</th>")
        .contains("<td class=\"target\">aws</td>")
        .contains("<td class=\"target\">slack</td>")
        .contains("href=\"" + attr("/ui/runs/2?target=slack") + "\"")
        .contains("href=\"" + attr("/ui/runs?target=aws") + "\"");
    assertThat(rows(all)).isEqualTo(3);

    String slackOnly = page("/ui/runs?target=slack").body();
    assertThat(slackOnly).contains("Runs of slack").doesNotContain("<td class=\"target\">aws</td>");
    assertThat(rows(slackOnly)).isEqualTo(2);
  }

  @Test
  void anObjectPageShowsTheObjectOfOneTarget() {
    String inAws = page("/ui/users/u-alice?target=aws").body();
    String inSlack = page("/ui/users/u-alice?target=slack").body();

    assertThat(inAws).contains("aws-alice").doesNotContain("slack-alice");
    assertThat(inSlack).contains("slack-alice").doesNotContain("aws-alice");
    assertThat(page("/ui/users/u-bob?target=slack").statusCode()).isEqualTo(404);
    assertThat(page("/ui/users/u-bob").body()).contains("aws-bob");
  }

  @Test
  void theSearchNamesTheTargetOfEachResult() {
    String both = page("/ui/search?q=alice").body();
    assertThat(both)
        .contains(attr("/ui/users/u-alice?target=aws"))
        .contains(attr("/ui/users/u-alice?target=slack"))
        .contains("<span class=\"target-name\">aws</span>")
        .contains("<span class=\"target-name\">slack</span>");

    String carol = page("/ui/search?q=carol").body();
    assertThat(carol)
        .contains(attr("/ui/users/u-carol?target=slack"))
        .contains("<span class=\"target-name\">slack</span>")
        .doesNotContain("<span class=\"target-name\">aws</span>");
    assertThat(page("/ui/search?q=alice&target=aws").body())
        .doesNotContain(attr("/ui/users/u-alice?target=slack"));
  }

  /** A link as the template engine writes it in an attribute ({@code =} escaped). */
  private static String attr(String href) {
    return href.replace("&", "&amp;").replace("=", "&#61;");
  }

  /** The card of one target on the overview. */
  private static String card(String overview, String target) {
    int start = overview.indexOf("<section class=\"card target\" id=\"target-" + target + "\">");
    assertThat(start).as("the card of " + target).isNotNegative();
    return overview.substring(start, overview.indexOf("</section>", start));
  }

  /** The hidden target field of the form around the button with this id. */
  private static String hiddenTarget(String html, String buttonId) {
    int button = html.indexOf("id=\"" + buttonId + "\"");
    assertThat(button).as("button " + buttonId).isNotNegative();
    String form = html.substring(html.lastIndexOf("<form", button), button);
    Matcher target = Pattern.compile("name=\"target\" value=\"([^\"]*)\"").matcher(form);
    assertThat(target.find()).as("a target field in the form of " + buttonId).isTrue();
    return target.group(1);
  }

  private static int rows(String runsPage) {
    return (int) Pattern.compile("<tr id=\"run-").matcher(runsPage).results().count();
  }

  private static HttpResponse<String> page(String path) {
    return send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", basic(USER, PASSWORD)).build());
  }

  private static HttpResponse<String> post(String form) {
    return send(
        HttpRequest.newBuilder(uri("/ui/run"))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", basic(USER, PASSWORD))
            .build());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
