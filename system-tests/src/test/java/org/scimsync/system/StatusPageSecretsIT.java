package org.scimsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.command.ScimSyncCommand;
import org.scimsync.cli.config.ConfigLoader;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.service.SyncService;
import picocli.CommandLine;

/**
 * No secret of the configuration is ever on a page: the SCIM token, the LDAP bind password, the
 * webhook secret, nor the page's own password and token. Every page reachable from the overview is
 * read (after a run with a refused change, whose error message is shown), and the plan page.
 */
class StatusPageSecretsIT {

  private static final String SCIM_TOKEN = "scim-token-s3cr3t-0001";
  private static final String LDAP_PASSWORD = "ldap-bind-s3cr3t-0002";
  private static final String WEBHOOK_SECRET = "webhook-s3cr3t-0003-long-enough";
  private static final String UI_PASSWORD = "ui-password-s3cr3t-0004";
  private static final String UI_TOKEN = "ui-token-s3cr3t-0005";
  private static final List<String> SECRETS =
      List.of(SCIM_TOKEN, LDAP_PASSWORD, WEBHOOK_SECRET, UI_PASSWORD, UI_TOKEN);
  private static final Pattern LINK = Pattern.compile("href=\"(/ui/[^\"#]*)\"");

  @TempDir Path dir;

  @Test
  void noPageShowsASecret() throws Exception {
    InMemoryDirectoryServerConfig serverConfig =
        new InMemoryDirectoryServerConfig("dc=example,dc=org");
    serverConfig.addAdditionalBindCredentials("cn=svc-scim", LDAP_PASSWORD);
    serverConfig.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
    serverConfig.setSchema(null);
    InMemoryDirectoryServer ldap = new InMemoryDirectoryServer(serverConfig);
    ldap.add("dn: dc=example,dc=org", "objectClass: domain", "dc: example");
    ldap.add("dn: ou=people,dc=example,dc=org", "objectClass: organizationalUnit", "ou: people");
    ldap.add("dn: ou=groups,dc=example,dc=org", "objectClass: organizationalUnit", "ou: groups");
    try (LDIFReader ldif =
        new LDIFReader(Application.class.getResourceAsStream("/demo/directory.ldif"))) {
      ldap.importFromLDIF(false, ldif);
    }
    ldap.startListening();
    try (ScimEmulator emulator = ScimEmulator.builder().token(SCIM_TOKEN).build().start();
        RefusingFront front = RefusingFront.before(emulator.baseUri(), "\"bob@example.org\"")) {
      Path config = dir.resolve("scim-sync.yaml");
      Files.writeString(
          config,
          """
          source:
            type: ldap
            ldap:
              url: ldap://127.0.0.1:%d
              bindDn: cn=svc-scim
              bindPassword: ${LDAP_PASSWORD}
              flavor: openldap
              userBase: ou=people,dc=example,dc=org
              groupBase: ou=groups,dc=example,dc=org
          target:
            url: %s
            token: ${SCIM_TOKEN}
            maxAttempts: 1
          groups:
            include: group.cn =^ 'aws-'
          webhook:
            listen: 127.0.0.1:0
            secret: ${WEBHOOK_SECRET}
          ui:
            user: admin
            password: ${UI_PASSWORD}
            token: ${UI_TOKEN}
          """
              .formatted(ldap.getListenPort(), front.front(emulator.baseUri())));
      Map<String, String> env =
          Map.of(
              "SCIM_TOKEN", SCIM_TOKEN,
              "LDAP_PASSWORD", LDAP_PASSWORD,
              "WEBHOOK_SECRET", WEBHOOK_SECRET,
              "UI_PASSWORD", UI_PASSWORD,
              "UI_TOKEN", UI_TOKEN);
      Map<String, String> pages = new LinkedHashMap<>();
      try (Application app = Application.open(new ConfigLoader(env).load(config));
          SyncService service = app.startService()) {
        URI base = URI.create(app.statusPageAddress(service).orElseThrow());
        HttpClient http = HttpClient.newHttpClient();
        Eventually.await(
            Duration.ofSeconds(60),
            "the first run to end",
            () -> answer(http, base.resolve("runs/1")).contains("some changes failed"));
        crawl(http, base, pages);
      }
      assertThat(pages).hasSizeGreaterThan(20);
      assertThat(pages.get("/ui/runs/1")).contains(RefusingFront.DETAIL);
      pages.put("plan --format html", planPage(env, config));
      pages.forEach(
          (page, body) -> {
            for (String secret : SECRETS) {
              assertThat(body).as(page).doesNotContain(secret);
            }
          });
    } finally {
      ldap.shutDown(true);
    }
  }

  /** Reads every page linked from the overview, breadth first. */
  private static void crawl(HttpClient http, URI base, Map<String, String> pages) {
    Deque<String> queue = new ArrayDeque<>(List.of("/ui/", "/ui/search?q=example"));
    while (!queue.isEmpty() && pages.size() < 200) {
      String path = queue.poll();
      if (pages.containsKey(path)) {
        continue;
      }
      String body = get(http, base.resolve(path));
      pages.put(path, body);
      Matcher link = LINK.matcher(body);
      while (link.find()) {
        queue.add(link.group(1).replace("&amp;", "&"));
      }
    }
  }

  /** The page, or nothing while it is not there yet (run 1 before the first run has begun). */
  private static String answer(HttpClient http, URI uri) {
    HttpResponse<String> answer = send(http, uri);
    return answer.statusCode() == 200 ? answer.body() : "";
  }

  private static String get(HttpClient http, URI uri) {
    HttpResponse<String> answer = send(http, uri);
    assertThat(answer.statusCode()).as(uri.toString()).isEqualTo(200);
    return answer.body();
  }

  private static HttpResponse<String> send(HttpClient http, URI uri) {
    try {
      return http.send(
          HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + UI_TOKEN).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String planPage(Map<String, String> env, Path config) {
    CommandLine command = ScimSyncCommand.newCommandLine(env);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int exit = command.execute("plan", "--format", "html", "--config", config.toString());
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("<!DOCTYPE html>");
    return out + err.toString();
  }
}
