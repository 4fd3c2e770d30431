package org.scimsync.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.scimsync.cli.ScimSyncCommand;
import org.scimsync.cli.app.Application;
import org.scimsync.engine.service.SyncService;
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
      "Endpoints: POST /hooks/directory-changed, GET /healthz, /readyz, /metrics, /runs."
    })
public final class ServeCommand implements Callable<Integer> {

  @ParentCommand private ScimSyncCommand root;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    try (Application app = Application.open(root.loadConfig())) {
      SyncService service = app.startService();
      Runtime.getRuntime().addShutdownHook(new Thread(service::close, "scim-sync-serve-shutdown"));
      PrintWriter out = spec.commandLine().getOut();
      out.println("scim-sync serve: listening on " + service.address());
      out.flush();
      service.awaitClosed();
      return 0;
    }
  }
}
