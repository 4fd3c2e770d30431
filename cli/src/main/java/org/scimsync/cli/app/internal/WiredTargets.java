package org.scimsync.cli.app.internal;

import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.cli.config.TargetSpec;
import org.scimsync.cli.exit.CliException;
import org.scimsync.cli.exit.ExitCode;
import org.scimsync.client.RequestListener;
import org.scimsync.service.SyncMetrics;
import org.scimsync.state.postgres.PostgresConnection;
import org.scimsync.state.postgres.PostgresStateStore;
import org.scimsync.state.sql.SqlStateStore;
import org.scimsync.state.sqlite.SqliteStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The targets a command works on, wired: a {@link TargetRuntime} each, over its part of the one
 * state store, which is opened once, on first use, for every target (their runs reach it from
 * threads of their own). Closing closes the clients and the store.
 */
public final class WiredTargets implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WiredTargets.class);
  private static final int THROTTLED = 429;

  private final ScimSyncConfig config;
  private final List<TargetSpec> selected;
  private final Clock clock;
  private final Map<String, TargetRuntime> runtimes = new LinkedHashMap<>();
  private @Nullable SqlStateStore store;
  private @Nullable SyncMetrics metrics;

  /**
   * @param config the configuration
   * @param selected the targets to work on, in the configuration's order
   * @param clock the engines' clock
   */
  public WiredTargets(ScimSyncConfig config, List<TargetSpec> selected, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.selected = List.copyOf(selected);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The names of targets, comma-separated, for messages. */
  public static String names(List<TargetSpec> targets) {
    return String.join(", ", targets.stream().map(TargetSpec::name).toList());
  }

  /** How many targets are selected. */
  public int size() {
    return selected.size();
  }

  /**
   * Counts the 429 answers of every target's client in {@code serviceMetrics}: call before any
   * target is wired (the service's clients are made for it).
   *
   * @throws IllegalStateException when a target is wired already
   */
  public synchronized void countThrottlingIn(SyncMetrics serviceMetrics) {
    if (!runtimes.isEmpty()) {
      throw new IllegalStateException("the service needs clients of its own, made for its metrics");
    }
    this.metrics = serviceMetrics;
  }

  /** The one target this application works on; exit code 2 when it works on several. */
  public TargetRuntime single() {
    if (selected.size() != 1) {
      throw new CliException(
          ExitCode.INVALID,
          "this needs one target: add --target NAME (the targets of "
              + config.file().getFileName()
              + ": "
              + names(selected)
              + ")");
    }
    return runtime(selected.get(0));
  }

  /** Every selected target, wired. */
  public synchronized List<TargetRuntime> all() {
    return selected.stream().map(this::runtime).toList();
  }

  private synchronized TargetRuntime runtime(TargetSpec spec) {
    return runtimes.computeIfAbsent(
        spec.name(),
        name -> {
          SyncMetrics counted = metrics;
          RequestListener listener =
              counted == null
                  ? null
                  : (api, status, elapsed) -> {
                    if (status == THROTTLED) {
                      counted.recordThrottled(name);
                    }
                  };
          return new TargetRuntime(config, spec, () -> store().forTarget(name), listener, clock);
        });
  }

  /** The one state store of every target, opened once (the targets' runs reach it at once). */
  private synchronized SqlStateStore store() {
    if (store == null) {
      PostgresConnection database = config.stateDatabase();
      store =
          database == null
              ? SqliteStateStore.open(config.statePath())
              : PostgresStateStore.open(database);
      warnAboutStateOfOtherTargets(store);
    }
    return store;
  }

  /** State kept for a target no longer configured is kept, not used: say so once. */
  private void warnAboutStateOfOtherTargets(SqlStateStore opened) {
    List<String> configured = config.targets().stream().map(TargetSpec::name).toList();
    for (String name : opened.targetsWithState()) {
      if (!configured.contains(name)) {
        LOG.warn(
            "state.unconfiguredTarget target={} state={}: the state store keeps the links and"
                + " history of a target this configuration does not name; to go on with them,"
                + " name that target '{}' again",
            name,
            config.stateLocation(),
            name);
      }
    }
  }

  /** False while there is no state file yet (none is created to say so); a database always is. */
  public boolean stateExists() {
    return config.stateDatabase() != null || Files.exists(config.statePath());
  }

  @Override
  public synchronized void close() {
    try {
      for (TargetRuntime runtime : runtimes.values()) {
        runtime.close();
      }
    } finally {
      if (store != null) {
        store.close();
      }
    }
  }
}
