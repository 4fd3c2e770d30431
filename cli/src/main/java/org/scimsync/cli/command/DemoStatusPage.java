package org.scimsync.cli.command;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.common.Secret;
import org.scimsync.service.ListenAddress;
import org.scimsync.service.SyncService;
import org.scimsync.service.WebhookConfig;
import org.scimsync.service.ui.UiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code scim-sync demo --serve}: after the demo's syncs, serves the status page over the demo's
 * state on a free loopback port, with a password made for this one process, until Ctrl-C. The
 * service runs no schedule and no webhook; "Run now" on the page syncs the demo directory again.
 */
final class DemoStatusPage {

  /** The user name printed with the password. */
  static final String USER = "admin";

  private static final Logger LOG = LoggerFactory.getLogger(DemoStatusPage.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private DemoStatusPage() {}

  /**
   * Serves until the process is asked to stop; returns after the service has closed. The shutdown
   * hook waits (a while) for {@code released}, which the caller counts down once it has cleaned up.
   */
  static void serve(ScimSyncConfig demo, PrintWriter out, CountDownLatch released) {
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    ScimSyncConfig config =
        demo.withService(
            new WebhookConfig(new ListenAddress("127.0.0.1", 0), null, null),
            UiConfig.withPassword(USER, Secret.of(password)));
    try (Application app = Application.open(config)) {
      SyncService service = app.startService();
      Thread hook = new Thread(() -> stop(service, released), "scim-sync-demo-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      out.println();
      out.println("== Status page: " + app.statusPageAddress(service).orElseThrow());
      out.println("   user " + USER + ", password " + password + " (made for this demo only)");
      out.println("   Ctrl-C stops the demo.");
      out.flush();
      service.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stop(SyncService service, CountDownLatch released) {
    service.close();
    try {
      // the command's thread closes the state store and deletes the demo's files
      if (!released.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("demo: resources not closed within {}", CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
