package org.scimsync.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.config.ConfigLoader;
import org.scimsync.common.Secret;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.service.RunLauncher;
import org.scimsync.service.RunResult;
import org.scimsync.service.ServiceSettings;
import org.scimsync.service.ServiceTarget;
import org.scimsync.service.StatusPageSettings;
import org.scimsync.service.SyncMetrics;
import org.scimsync.service.SyncService;
import org.scimsync.service.ui.PageTarget;
import org.scimsync.service.ui.UiConfig;
import org.scimsync.state.sqlite.SqliteStateStore;

/**
 * The status page in a real browser: log in, find the change that failed and the target's words,
 * search a user, follow a group, press "Run now" and see the run appear; a screenshot of each page.
 * The target refuses bob (his user name maps to more than the 128 characters AWS takes), and a
 * user's display name is markup, which the page shows as text.
 */
class StatusPageBrowserIT {

  private static final String TOKEN = "browser-it-scim-token";
  private static final String PASSWORD = "browser-it-ui-password";
  private static final List<String> PAGES =
      List.of("overview", "runs", "run", "run-search", "search", "user", "group", "run-now");

  private static Path dir;
  private static ScimEmulator emulator;
  private static RefusingFront front;
  private static Application app;
  private static SyncService service;
  private static HeadlessChromium browser;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    browser = HeadlessChromium.start();
    dir = Files.createTempDirectory("scim-sync-browser-it");
    emulator = ScimEmulator.builder().token(TOKEN).build().start();
    front = RefusingFront.before(emulator.baseUri(), "\"bob@example.org\"");
    try (InputStream ldif = Application.class.getResourceAsStream("/demo/directory.ldif")) {
      String directory = new String(ldif.readAllBytes(), StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("directory.ldif"),
          directory
              + """

              dn: uid=mallet,ou=people,dc=example,dc=org
              objectClass: inetOrgPerson
              uid: mallet
              cn: Mallet
              sn: Mallet
              displayName: <script>alert('x')</script>
              mail: mallet@example.org
              entryUUID: 5b0f3c1e-6a7d-4f59-9a55-0d6f2c4c9e01
              """);
    }
    Files.writeString(
        dir.resolve("scim-sync.yaml"),
        configuration(front.front(emulator.baseUri()))
            + """
            webhook:
              listen: 127.0.0.1:0
            ui:
              user: admin
              password: ${UI_PASSWORD}
            """);
    var config =
        new ConfigLoader(Map.of("SCIM_TOKEN", TOKEN, "UI_PASSWORD", PASSWORD))
            .load(dir.resolve("scim-sync.yaml"));
    app = Application.open(config);
    service = app.startService();
    base = app.statusPageAddress(service).orElseThrow();
    // Nothing ran yet, so the service runs once at start: wait for that run to end.
    HttpClient http = HttpClient.newHttpClient();
    URI runs = URI.create(base).resolve("/runs");
    Eventually.await(
        Duration.ofSeconds(60),
        "the first run to end",
        () -> {
          String body = send(http, runs);
          return body.contains("\"id\":1") && !body.contains("RUNNING");
        });
  }

  /** The configuration of the LDIF directory synced to the target at {@code url}. */
  private static String configuration(URI url) {
    return """
        source:
          type: ldif
          path: directory.ldif
        target:
          url: %s
          token: ${SCIM_TOKEN}
          maxAttempts: 1
        users:
          include: user.mail != null
          map:
            userName: user.mail
            displayName: user.displayName
            name.givenName: user.givenName ?? user.cn
            name.familyName: user.sn
            emails: "[{'value': user.mail, 'type': 'work', 'primary': true}]"
            title: user.title
        groups:
          include: group.cn =^ 'aws-'
        """
        .formatted(url);
  }

  private static String send(HttpClient http, URI uri) {
    try {
      // The run history is behind the page's credentials.
      String basic =
          java.util.Base64.getEncoder()
              .encodeToString(
                  ("admin:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return http.send(
              HttpRequest.newBuilder(uri).header("Authorization", "Basic " + basic).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (service != null) {
        service.close();
      }
      if (app != null) {
        app.close();
      }
      if (front != null) {
        front.close();
      }
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  @Test
  void aPersonOnCallFindsWhyAUserIsMissingAndRunsTheSyncAgain() throws IOException {
    var driver = browser.driver;
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

    // log in: HTTP Basic, the credentials in the address of the first visit
    driver.get(base.replace("http://", "http://admin:" + PASSWORD + "@"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
    assertThat(driver.findElement(By.id("health-default")).getText()).isEqualTo("healthy");
    assertThat(driver.findElement(By.id("last-run-default")).getText())
        .contains("some changes failed");
    assertThat(driver.findElement(By.id("managed-default")).getText()).contains("25 users");
    browser.screenshot("overview");

    driver.findElement(By.linkText("Runs")).click();
    assertThat(driver.findElement(By.id("run-1")).getText()).contains("some changes failed");
    assertThat(driver.findElements(By.cssSelector("#run-chart rect.applied"))).isNotEmpty();
    browser.screenshot("runs");

    driver.findElement(By.cssSelector("#run-1 a")).click();
    WebElement failed =
        driver.findElement(By.xpath("//table[@id='changes']//tr[contains(., 'bob@example.org')]"));
    assertThat(failed.getText())
        .contains("failed")
        .contains("HTTP 400")
        .contains(RefusingFront.DETAIL);
    browser.screenshot("run");

    WebElement find = driver.findElement(By.id("run-search"));
    find.sendKeys("bob");
    driver.findElement(By.cssSelector("form.filter button")).click();
    wait.until(ExpectedConditions.urlContains("q=bob"));
    List<WebElement> rows = driver.findElements(By.cssSelector("#changes tbody tr"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getText()).contains("bob@example.org");
    browser.screenshot("run-search");

    WebElement search = driver.findElement(By.id("search"));
    search.sendKeys("bob");
    driver.findElement(By.cssSelector("form.search button")).click();
    wait.until(ExpectedConditions.urlContains("/ui/search"));
    driver.findElement(By.partialLinkText("bob@example.org")).click();
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains("bob@example.org");
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("not linked")
        .contains("HTTP 400");
    browser.screenshot("search");

    driver.get(base + "search?q=mallet");
    driver.findElement(By.partialLinkText("mallet@example.org")).click();
    assertThat(driver.findElement(By.id("pushed")).getText())
        .contains("<script>alert('x')</script>");
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    browser.screenshot("user");

    driver.get(base + "search?q=alice");
    driver.findElement(By.partialLinkText("alice@example.org")).click();
    driver.findElement(By.cssSelector("#memberships a")).click();
    assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("group ");
    assertThat(driver.findElement(By.id("memberships")).getText()).contains("alice@example.org");
    browser.screenshot("group");

    driver.findElement(By.id("run-now")).click();
    wait.until(ExpectedConditions.urlContains("requested="));
    assertThat(driver.findElement(By.id("notice")).getText()).contains("was requested");
    wait.until(
        d -> {
          d.navigate().refresh();
          List<WebElement> runs = d.findElements(By.id("run-2"));
          return !runs.isEmpty() && runs.get(0).getText().contains("ui");
        });
    browser.screenshot("run-now");

    for (String page : PAGES) {
      Path shot = HeadlessChromium.SCREENSHOTS.resolve(page + ".png");
      assertThat(shot).as("screenshot of " + page).exists();
      assertThat(Files.size(shot)).as("screenshot of " + page).isGreaterThan(1_000);
    }
  }

  @Test
  void twoTargetsShowACardEachAndRunNowAsksForItsOwnTarget() throws IOException {
    try (ScimEmulator awsEmulator = ScimEmulator.builder().token(TOKEN).build().start();
        RefusingFront awsFront =
            RefusingFront.before(awsEmulator.baseUri(), "\"bob@example.org\"");
        ScimEmulator slackEmulator = ScimEmulator.builder().token(TOKEN).build().start()) {
      // aws refuses bob, as the target of the other test does; slack takes everyone
      Path awsState = syncOnce("aws", awsFront.front(awsEmulator.baseUri()));
      Path slackState = syncOnce("slack", slackEmulator.baseUri());
      List<String> launched = new CopyOnWriteArrayList<>();
      try (StateStore aws = SqliteStateStore.open(awsState);
          StateStore slack = SqliteStateStore.open(slackState);
          SyncService twoTargets =
              new SyncService(
                  ServiceSettings.of((String) null, null)
                      .withListen(new InetSocketAddress("127.0.0.1", 0))
                      .withCatchUpOnStart(false),
                  List.of(
                      new ServiceTarget("aws", recording("aws", launched), aws),
                      new ServiceTarget("slack", recording("slack", launched), slack)),
                  null,
                  List::of,
                  SyncMetrics.create(),
                  Clock.systemUTC(),
                  new SyncService.Extras(
                      null,
                      null,
                      new StatusPageSettings(
                          new UiConfig("admin", null, Secret.of(PASSWORD), null, null),
                          List.of(
                              new PageTarget("aws", "identitystore.aws.example", aws),
                              new PageTarget("slack", "api.slack.example", slack)))))) {
        twoTargets.start();
        var driver = browser.driver;
        String page = "http://127.0.0.1:" + twoTargets.address().getPort() + "/ui/";
        driver.get(page.replace("http://", "http://admin:" + PASSWORD + "@"));

        assertThat(driver.findElements(By.cssSelector("section.card.target"))).hasSize(2);
        assertThat(driver.findElement(By.id("last-run-aws")).getText())
            .contains("some changes failed");
        assertThat(driver.findElement(By.id("managed-aws")).getText()).contains("25 users");
        assertThat(driver.findElement(By.id("last-run-slack")).getText()).contains("succeeded");
        assertThat(driver.findElement(By.id("managed-slack")).getText()).contains("26 users");
        assertThat(driver.findElement(By.id("run-now")).getText()).isEqualTo("Run all");
        Path shot = browser.screenshot("overview-targets");
        assertThat(Files.size(shot)).as("screenshot of two cards").isGreaterThan(1_000);

        driver.findElement(By.id("runs-of-slack")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Runs of slack");
        assertThat(driver.findElements(By.cssSelector("#runs td.target")))
            .extracting(WebElement::getText)
            .containsOnly("slack");
        driver.findElement(By.cssSelector("#runs tbody a")).click();
        assertThat(driver.findElement(By.id("run-target")).getText()).startsWith("slack");

        driver.get(page);
        driver.findElement(By.id("run-now-slack")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .until(ExpectedConditions.urlContains("target=slack"));
        assertThat(driver.findElement(By.id("notice")).getText())
            .contains("A run of target slack was requested");
        Eventually.await(Duration.ofSeconds(20), "the requested run", () -> !launched.isEmpty());
        assertThat(launched).as("only the card's target runs").containsExactly("slack");
      }
    }
  }

  /** A launcher that notes the target it ran and succeeds with nothing to do. */
  private static RunLauncher recording(String target, List<String> launched) {
    return request -> {
      launched.add(target);
      return new RunResult(0, RunStatus.SUCCEEDED, 0, false, 0, 0, Map.of(), Duration.ZERO);
    };
  }

  /** Syncs the directory once to the target at {@code url}; returns the state file. */
  private static Path syncOnce(String name, URI url) throws IOException {
    Path yaml = dir.resolve(name + ".yaml");
    Files.writeString(yaml, configuration(url) + "state:\n  path: " + name + ".db\n");
    var config = new ConfigLoader(Map.of("SCIM_TOKEN", TOKEN)).load(yaml);
    try (Application once = Application.open(config)) {
      once.engine().run(SyncOptions.of("schedule"));
    }
    return dir.resolve(name + ".db");
  }
}
