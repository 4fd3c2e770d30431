package org.scimsync.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scimsync.cli.Main;

/**
 * One {@code scim-sync serve} in a JVM of its own (the cli's main class on the test classpath), so
 * that it can be killed with SIGKILL; its output is kept for the failure messages.
 */
final class ServeInstance implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on .*:(\\d+)$");

  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();

  private ServeInstance(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  output.add(line);
                  Matcher listening = LISTENING.matcher(line);
                  if (listening.find()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                  }
                }
                port.completeExceptionally(
                    new IllegalStateException("serve ended before listening:\n" + output()));
              } catch (IOException e) {
                port.completeExceptionally(e);
              }
            },
            "serve-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code scim-sync serve --config <config>} with these environment variables. */
  static ServeInstance start(Path config, Map<String, String> environment) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--config",
                config.toString())
            .redirectErrorStream(true);
    builder.environment().putAll(environment);
    return new ServeInstance(builder.start());
  }

  /** The HTTP port, once the instance listens. */
  int port() throws Exception {
    return port.get(60, TimeUnit.SECONDS);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no clean-up, the sockets closed by the kernel. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  String output() {
    return String.join("\n", output);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
