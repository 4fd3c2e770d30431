package org.scimsync.service.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimsync.service.ui.StatusPageFixture.PASSWORD;
import static org.scimsync.service.ui.StatusPageFixture.TOKEN;
import static org.scimsync.service.ui.StatusPageFixture.USER;
import static org.scimsync.service.ui.StatusPageFixture.basic;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scimsync.common.ConfigValueException;
import org.scimsync.common.Secret;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.service.Trigger;

/** The status page over HTTP: access, headers, CSRF, escaping, and what each page shows. */
class StatusPageIT {

  private static StatusPageFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new StatusPageFixture(StatusPageFixture.passwordAndToken());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void noPageWithoutTheRightCredentials() {
    for (String path : StatusPageFixture.pages()) {
      for (String authorization :
          new String[] {
            null,
            basic(USER, "wrong password"),
            basic("someone", PASSWORD),
            "Bearer wrong-token-of-some-length",
            "Basic !!not-base64"
          }) {
        HttpResponse<String> answer = fixture.get(path, authorization);
        assertThat(answer.statusCode()).as(path + " with " + authorization).isEqualTo(401);
        assertThat(answer.body())
            .as(path)
            .doesNotContain("alice")
            .doesNotContain("run")
            .doesNotContain("csrf");
      }
    }
    assertThat(fixture.get("/ui/", null).headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm="));
  }

  @Test
  void theRunHistoryNeedsThePagesCredentialsButHealthAndReceiptsDoNot() {
    for (String path : new String[] {"/runs", "/runs/1"}) {
      HttpResponse<String> refused = fixture.get(path, null);
      assertThat(refused.statusCode()).as(path).isEqualTo(401);
      assertThat(refused.body()).as(path).doesNotContain("alice").doesNotContain("bob");
      assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
      assertThat(fixture.get(path, basic(USER, "wrong password")).statusCode()).isEqualTo(401);
      assertThat(fixture.get(path, "Bearer " + TOKEN).statusCode()).as(path).isEqualTo(200);
      assertThat(fixture.get(path, basic(USER, PASSWORD)).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(fixture.get("/healthz", null).statusCode()).isEqualTo(200);
    assertThat(fixture.get("/triggers/999999", null).statusCode()).isNotEqualTo(401);
  }

  @Test
  void passwordAndTokenLetIn() {
    for (String path : StatusPageFixture.pages()) {
      assertThat(fixture.page(path).statusCode()).as(path).isEqualTo(200);
      assertThat(fixture.get(path, "Bearer " + TOKEN).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersAndNoScript() {
    for (String path : StatusPageFixture.pages()) {
      for (HttpResponse<String> answer : List.of(fixture.page(path), fixture.get(path, null))) {
        var headers = answer.headers();
        assertThat(headers.firstValue("Content-Security-Policy"))
            .hasValueSatisfying(
                csp ->
                    assertThat(csp)
                        .contains("default-src 'none'")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline")
                        .doesNotContain("script-src"));
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.body()).doesNotContain("<script");
      }
    }
  }

  @Test
  void aNameWithMarkupIsShownAsText() {
    for (String path :
        new String[] {
          "/ui/runs/1", "/ui/users/u-script", "/ui/groups/g-eng", "/ui/search?q=script"
        }) {
      String html = fixture.page(path).body();
      assertThat(html)
          .as(path)
          .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;@example.org")
          .doesNotContain("<script");
    }
    String reflected = fixture.page("/ui/search?q=%3Cscript%3Ealert(1)%3C/script%3E").body();
    assertThat(reflected).contains("&lt;script&gt;alert(1)").doesNotContain("<script");
  }

  @Test
  void theRunShowsTheFailedChangeWithTheTargetsAnswerAndFindsAUser() {
    String run = fixture.page("/ui/runs/1").body();
    assertThat(run)
        .contains("bob@example.org")
        .contains("HTTP 400")
        .contains("Attribute &#39;title&#39; must be a string.")
        .contains("some changes failed")
        .contains("4 changes journaled, 1 failed");
    String bob = fixture.page("/ui/runs/1?q=BOB").body();
    assertThat(bob).contains("bob@example.org").doesNotContain("alice@example.org");
    assertThat(fixture.page("/ui/runs/99").statusCode()).isEqualTo(404);
  }

  @Test
  void theOverviewShowsHealthLastRunCountsAndTheGuardStop() {
    String overview = fixture.page("/ui/").body();
    assertThat(overview)
        .contains("Target <span class=\"target-name\">default</span>")
        .contains("scim.example.org")
        .contains("healthy")
        .contains("2 users, 1 groups, 2 memberships")
        .contains("would delete 5 users")
        .contains("03:00:00 UTC");
  }

  @Test
  void aUserShowsItsLinkPushedContentMembershipsAndChanges() {
    String alice = fixture.page("/ui/users/u-alice").body();
    assertThat(alice)
        .contains("u-alice")
        .contains("t-alice")
        .contains("&quot;userName&quot; : &quot;alice@example.org&quot;")
        .contains("aws-engineering")
        .contains("CREATE_USER");
    String bob = fixture.page("/ui/users/u-bob").body();
    assertThat(bob).contains("not linked").contains("Attribute &#39;title&#39; must be a string.");
    String group = fixture.page("/ui/groups/g-eng").body();
    assertThat(group).contains("alice@example.org").contains("Members");
    assertThat(fixture.page("/ui/users/nobody").statusCode()).isEqualTo(404);
  }

  @Test
  void theSearchFindsLinkedUsersAndUsersWhoseCreateFailed() {
    String found = fixture.page("/ui/search?q=bob").body();
    assertThat(found).contains("/ui/users/u-bob").contains("not linked");
    assertThat(fixture.page("/ui/search?q=alice").body()).contains("/ui/users/u-alice");
    assertThat(fixture.page("/ui/search?q=nothing-like-it").body()).contains("Nothing found");
  }

  @Test
  void runNowNeedsTheCsrfTokenAndTheSameOrigin() {
    String csrf = StatusPageFixture.csrf(fixture.page("/ui/").body());
    int before = fixture.launched.size();
    assertThat(fixture.postForm("/ui/run", "full=false", Map.of()).statusCode()).isEqualTo(403);
    assertThat(fixture.postForm("/ui/run", "full=false&csrf=forged", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(
            fixture
                .postForm(
                    "/ui/run",
                    "full=false&csrf=" + csrf,
                    Map.of("Origin", "https://evil.example.com"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            fixture
                .postForm(
                    "/ui/run", "full=false&csrf=" + csrf, Map.of("Sec-Fetch-Site", "cross-site"))
                .statusCode())
        .isEqualTo(403);
    assertThat(fixture.launched).hasSize(before);

    HttpResponse<String> accepted =
        fixture.postForm(
            "/ui/run",
            "full=true&csrf=" + csrf,
            Map.of("Origin", "http://127.0.0.1:" + fixture.service.address().getPort()));
    assertThat(accepted.statusCode()).isEqualTo(303);
    assertThat(accepted.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).startsWith("/ui/runs?requested="));
    Eventually.await(
        Duration.ofSeconds(10), "the requested run", () -> fixture.launched.size() == before + 1);
    assertThat(fixture.launched.get(before).trigger()).isEqualTo(Trigger.UI);
    assertThat(fixture.launched.get(before).forceFull()).isTrue();
  }

  @Test
  void aRunOfThisServiceShowsItsWarningsAndPlan() {
    String csrf = StatusPageFixture.csrf(fixture.page("/ui/runs").body());
    int before = fixture.launched.size();
    fixture.postForm("/ui/run", "full=false&csrf=" + csrf, Map.of());
    Eventually.await(
        Duration.ofSeconds(10), "the requested run", () -> fixture.launched.size() > before);
    Eventually.await(
        Duration.ofSeconds(10),
        "the run's notes",
        () -> fixture.page("/ui/runs").body().contains(">ui<"));
    long id = fixture.store.recentRuns(1).get(0).id();
    Eventually.await(
        Duration.ofSeconds(10),
        "the run's notes",
        () -> fixture.page("/ui/runs/" + id).body().contains("user zoe: photos removed"));
    assertThat(fixture.page("/ui/runs/" + id).body()).contains("No changes.");
  }

  @Test
  void theRunsTablePages() {
    String runs = fixture.page("/ui/runs").body();
    assertThat(runs).contains("id=\"run-chart\"").contains("run 1: 3 applied, 1 failed");
    // one target: the links are those of a page without targets
    assertThat(runs).contains("href=\"/ui/runs/1\"").doesNotContain("target&#61;");
    assertThat(fixture.page("/ui/search?q=bob").body()).contains("href=\"/ui/users/u-bob\"");
    assertThat(fixture.page("/ui/runs?page=7").body()).contains("No runs on this page");
  }

  @Test
  void writesAreRefusedAndUnknownPathsAreNotFound() {
    HttpResponse<String> put =
        fixture.send(
            java.net.http.HttpRequest.newBuilder(fixture.uri("/ui/runs"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(""))
                .header("Authorization", basic(USER, PASSWORD))
                .build());
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(fixture.page("/ui/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void theConfigurationRefusesWeakOrMissingWaysIn() {
    assertThatThrownBy(() -> new UiConfig(USER, null, null, null, null))
        .hasMessageContaining("needs a way in");
    assertThatThrownBy(() -> new UiConfig(USER, Secret.of("not-a-hash"), null, null, null))
        .hasMessageContaining("not a BCrypt hash")
        .hasMessageNotContaining("not-a-hash");
    assertThatThrownBy(() -> new UiConfig(null, null, Secret.of(PASSWORD), null, null))
        .isInstanceOfSatisfying(
            ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("user"));
    assertThatThrownBy(() -> new UiConfig(USER, null, Secret.of("short"), null, null))
        .isInstanceOfSatisfying(
            ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("password"))
        .hasMessageNotContaining("short");
  }
}
