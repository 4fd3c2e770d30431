package org.scimsync.cli.app.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.cli.config.TargetSpec;
import org.scimsync.client.RequestListener;
import org.scimsync.client.ScimClient;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.target.scim.ScimClientTarget;
import org.scimsync.mapping.MappingRules;

/**
 * One target of a configuration, wired: its SCIM client (created on first use), its state (the
 * target's part of the one state store) and its compiled rules; an engine per directory reader.
 * Closing it closes the client; the store belongs to the application.
 */
public final class TargetRuntime implements AutoCloseable {

  private final ScimSyncConfig config;
  private final TargetSpec spec;
  private final java.util.function.Supplier<StateStore> stores;
  private final @Nullable RequestListener listener;
  private @Nullable StateStore store;
  private final Clock clock;
  private @Nullable ScimClient client;
  private @Nullable MappingRules rules;

  /**
   * @param config the configuration the target is part of
   * @param spec the target
   * @param store the target's state, opened on first use
   * @param listener told about every HTTP attempt to the target (metrics); null for none
   * @param clock the engine's clock
   */
  public TargetRuntime(
      ScimSyncConfig config,
      TargetSpec spec,
      java.util.function.Supplier<StateStore> store,
      @Nullable RequestListener listener,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.stores = Objects.requireNonNull(store, "store");
    this.listener = listener;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The target's name. */
  public String name() {
    return spec.name();
  }

  /** The target as configured. */
  public TargetSpec spec() {
    return spec;
  }

  /** The target's state. */
  public synchronized StateStore store() {
    if (store == null) {
      store = stores.get();
    }
    return store;
  }

  /** The SCIM client of the target, created on first use. */
  public synchronized ScimClient client() {
    if (client == null) {
      client = ScimClient.create(Ports.client(spec.target(), listener, System.getenv()));
    }
    return client;
  }

  /**
   * The compiled mapping rules of the target.
   *
   * @throws org.scimsync.cli.config.ConfigException naming the key and line of a broken rule
   */
  public synchronized MappingRules rules() {
    if (rules == null) {
      rules = Ports.rules(config, spec);
    }
    return rules;
  }

  /** An engine reading the directory through {@code source}. */
  public SyncEngine engine(DirectorySource source) {
    return new SyncEngine(
        source,
        new RulesResourceMapper(rules()),
        new ScimClientTarget(client()),
        store(),
        Ports.policy(config, spec),
        clock);
  }

  /** What earlier runs learned of the target, as kept in its state. */
  public Map<String, String> rememberedCapabilities() {
    return store().targetCapabilities();
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  @Override
  public String toString() {
    return "target " + spec.name();
  }
}
