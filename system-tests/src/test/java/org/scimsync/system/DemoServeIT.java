package org.scimsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.engine.testing.Eventually;

/**
 * {@code scim-sync demo --serve} as a person runs it: a process that runs the demo, then prints the
 * status page's address and credentials and serves until stopped. The test reads them from the
 * output, logs in, and stops the process as Ctrl-C would.
 */
class DemoServeIT {

  private static final Pattern ADDRESS =
      Pattern.compile("== Status page: (http://127\\.0\\.0\\.1:\\d+/ui/)");
  private static final Pattern CREDENTIALS = Pattern.compile("user (\\S+), password (\\S+) ");
  private static final Pattern FILES = Pattern.compile("== files in (\\S+): ");

  @TempDir Path dir;

  @Test
  void servesTheDemosDataBehindThePrintedCredentials() throws Exception {
    Path out = dir.resolve("out.txt");
    Process demo =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.scimsync.cli.Main",
                "demo",
                "--serve")
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    try {
      Eventually.await(
          Duration.ofSeconds(90),
          "the demo to print the status page's credentials",
          () -> !demo.isAlive() || CREDENTIALS.matcher(read(out)).find());
      String printed = read(out);
      assertThat(demo.isAlive()).as(printed + read(dir.resolve("err.txt"))).isTrue();
      Matcher address = ADDRESS.matcher(printed);
      Matcher credentials = CREDENTIALS.matcher(printed);
      Matcher files = FILES.matcher(printed);
      assertThat(address.find() && credentials.find() && files.find()).as(printed).isTrue();
      assertThat(printed).contains("The target now holds 25 users and 5 groups.");

      HttpClient http = HttpClient.newHttpClient();
      URI page = URI.create(address.group(1));
      HttpResponse<String> refused =
          http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(401);
      String basic =
          Base64.getEncoder()
              .encodeToString(
                  (credentials.group(1) + ":" + credentials.group(2))
                      .getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> overview =
          http.send(
              HttpRequest.newBuilder(page).header("Authorization", "Basic " + basic).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(overview.statusCode()).isEqualTo(200);
      assertThat(overview.body()).contains("25 users, 5 groups").contains("run 3");
      HttpResponse<String> runs =
          http.send(
              HttpRequest.newBuilder(page.resolve("runs"))
                  .header("Authorization", "Basic " + basic)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(runs.body()).contains("id=\"run-1\"").contains("id=\"run-3\"");

      demo.destroy();
      assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("the demo stops on SIGTERM").isTrue();
      assertThat(Path.of(files.group(1))).as("the demo's files are removed").doesNotExist();
    } finally {
      demo.destroyForcibly();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
