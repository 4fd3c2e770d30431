package org.scimsync.cli.command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.exit.ExitCode;
import org.scimsync.service.SyncService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code scim-sync serve}: runs the schedule and the webhook trigger until stopped (SIGTERM or
 * Ctrl-C), with health, readiness, metrics and run-history endpoints.
 */
@Command(
    name = "serve",
    description = {
      "Keep running: sync on the schedule and on signed webhook calls.",
      "Endpoints: POST /hooks/directory-changed, GET /healthz, /readyz, /metrics, /runs;",
      "with a ui: section, the status page under /ui/ (docs/status-page.md)."
    })
public final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  private static final Duration APPLICATION_CLOSE_WAIT = Duration.ofSeconds(10);

  @ParentCommand private ScimSyncCommand root;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    AtomicBoolean returned = new AtomicBoolean();
    CountDownLatch released = new CountDownLatch(1);
    try (Application app = root.openApplication()) {
      SyncService service = app.startService();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> stopOnSignal(service, returned, released), "scim-sync-serve-shutdown"));
      PrintWriter out = spec.commandLine().getOut();
      out.println("scim-sync serve: listening on " + service.address());
      app.statusPageAddress(service)
          .ifPresent(address -> out.println("scim-sync serve: status page at " + address));
      out.flush();
      service.awaitClosed();
      returned.set(true);
      return 0;
    } finally {
      released.countDown();
    }
  }

  /**
   * SIGTERM or Ctrl-C: stop accepting triggers, let the current change finish, record the run, and
   * exit 0 — a requested stop is a clean stop, not the JVM's 143, so supervisors see success.
   */
  private static void stopOnSignal(
      SyncService service, AtomicBoolean returned, CountDownLatch released) {
    if (returned.get()) {
      return; // the command ended by itself: keep the exit code it chose
    }
    service.close();
    try {
      // the command's thread closes the state store and the client after the service stops
      if (!released.await(APPLICATION_CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "serve.shutdown application resources not closed within {}", APPLICATION_CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(ExitCode.OK.code());
  }
}
