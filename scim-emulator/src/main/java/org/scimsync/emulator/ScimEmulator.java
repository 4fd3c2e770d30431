package org.scimsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.scimsync.emulator.internal.AdminExchangeHandler;
import org.scimsync.emulator.internal.Directory;
import org.scimsync.emulator.internal.EmulatorServer;
import org.scimsync.emulator.internal.FaultInjector;
import org.scimsync.emulator.internal.RequestStatistics;
import org.scimsync.emulator.internal.ResourceDocuments;
import org.scimsync.emulator.internal.ScimExchangeHandler;
import org.scimsync.emulator.internal.ScimService;

/**
 * An in-memory SCIM 2.0 service provider on loopback, behaving like AWS IAM Identity Center ({@link
 * EmulatorProfile#AWS_IDENTITY_CENTER}) or a lenient RFC 7644 provider, with fault injection. SCIM
 * is served at {@code http://host:port/<tenant>/scim/v2} with bearer-token auth; the admin endpoint
 * at {@code http://host:port/admin} (loopback clients only, no auth). {@link FaultSettings} perturb
 * requests; {@link ServerQuirks} switch on behaviours of real servers.
 *
 * <pre>{@code
 * try (ScimEmulator emulator = ScimEmulator.builder().faults(FaultSettings.awsQuotas()).build().start()) {
 *   URI base = emulator.baseUri();
 *   ...
 *   assertThat(emulator.snapshot().users()).hasSize(3);
 * }
 * }</pre>
 */
public final class ScimEmulator implements AutoCloseable {
  private final EmulatorProfile profile;
  private final String host;
  private final String tenant;
  private final Directory directory;
  private final ScimService service;
  private final FaultInjector faults;
  private final AtomicReference<ServerQuirks> quirks;
  private final RequestStatistics statistics = new RequestStatistics();
  private final EmulatorServer server;
  private boolean started;
  private boolean closed;

  private ScimEmulator(Builder builder) {
    this.profile = builder.profile;
    this.host = builder.host;
    this.tenant = builder.tenant;
    boolean aws = profile == EmulatorProfile.AWS_IDENTITY_CENTER;
    this.directory = new Directory(aws);
    this.quirks =
        new AtomicReference<>(
            builder.quirks != null
                ? builder.quirks
                : ServerQuirks.none().withPatchNeedsUserAgent(aws));
    this.service = new ScimService(directory, aws, aws ? builder.shortPageEvery : 0, quirks::get);
    this.faults = new FaultInjector(builder.faults);
    this.server =
        new EmulatorServer(
            host,
            builder.port,
            new ScimExchangeHandler(
                tenant, builder.token, service, faults, quirks::get, statistics, aws),
            new AdminExchangeHandler(directory, faults, quirks, statistics));
  }

  /** A builder with the defaults: AWS profile, 127.0.0.1, any free port, no faults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts serving; returns this. */
  public synchronized ScimEmulator start() {
    if (closed) {
      throw new EmulatorException(EmulatorException.Kind.UNAVAILABLE, "emulator already closed");
    }
    if (!started) {
      server.start();
      started = true;
    }
    return this;
  }

  /** The SCIM base URI, e.g. {@code http://127.0.0.1:PORT/<tenant>/scim/v2}. */
  public URI baseUri() {
    return URI.create("http://" + hostForUri() + ":" + port() + "/" + tenant + "/scim/v2");
  }

  /** The admin base URI, e.g. {@code http://127.0.0.1:PORT/admin}. */
  public URI adminUri() {
    return URI.create("http://" + hostForUri() + ":" + port() + "/admin");
  }

  private String hostForUri() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** The profile this emulator follows. */
  public EmulatorProfile profile() {
    return profile;
  }

  /** The tenant id in the base path. */
  public String tenant() {
    return tenant;
  }

  /** Replaces the fault settings at run time (rate-limit buckets restart full). */
  public void faults(FaultSettings settings) {
    faults.update(settings);
  }

  /** The current fault settings. */
  public FaultSettings faults() {
    return faults.settings();
  }

  /** Replaces the server quirks at run time; the next request follows them. */
  public void quirks(ServerQuirks settings) {
    quirks.set(Objects.requireNonNull(settings, "settings"));
  }

  /** The current server quirks. */
  public ServerQuirks quirks() {
    return quirks.get();
  }

  /** Request counts since start or the last {@link #resetStats()}. */
  public EmulatorStats stats() {
    return statistics.snapshot();
  }

  /** Forgets the request counts. */
  public void resetStats() {
    statistics.reset();
  }

  /** An immutable copy of all users and groups, with the real group members. */
  public EmulatorState snapshot() {
    return directory.snapshot();
  }

  /** Drops all users and groups (statistics and faults stay). */
  public void reset() {
    directory.clear();
  }

  /**
   * Creates a user directly, without faults or statistics, validated by the profile's rules (for "a
   * user that already exists in the target").
   *
   * @param user the SCIM user JSON
   * @return the new user's id
   * @throws EmulatorException (INVALID_INPUT) if the profile refuses the user or it is a duplicate
   */
  public String seedUser(JsonNode user) {
    return service.seedUser(user).id();
  }

  /**
   * Creates a user with the given user name and optional external id; {@code displayName}, {@code
   * name.givenName} and {@code name.familyName} are derived from the user name.
   *
   * @return the new user's id
   */
  public String seedUser(String userName, @Nullable String externalId) {
    ObjectNode user = ResourceDocuments.MAPPER.createObjectNode();
    user.putArray("schemas").add(ResourceDocuments.USER_SCHEMA);
    user.put("userName", userName);
    if (externalId != null) {
      user.put("externalId", externalId);
    }
    user.put("displayName", userName);
    user.putObject("name").put("givenName", userName).put("familyName", "Seeded");
    user.put("active", true);
    return seedUser(user);
  }

  /**
   * Creates a group directly, without faults or statistics, validated by the profile's rules.
   *
   * @param group the SCIM group JSON (members inline allowed)
   * @return the new group's id
   */
  public String seedGroup(JsonNode group) {
    return service.seedGroup(group).group().id();
  }

  /**
   * Creates a group with the given display name, optional external id and members.
   *
   * @return the new group's id
   */
  public String seedGroup(
      String displayName, @Nullable String externalId, Collection<String> memberIds) {
    ObjectNode group = ResourceDocuments.MAPPER.createObjectNode();
    group.putArray("schemas").add(ResourceDocuments.GROUP_SCHEMA);
    group.put("displayName", displayName);
    if (externalId != null) {
      group.put("externalId", externalId);
    }
    var members = group.putArray("members");
    memberIds.forEach(id -> members.addObject().put("value", id));
    if (profile == EmulatorProfile.AWS_IDENTITY_CENTER && memberIds.size() > 100) {
      group.remove("members");
      String id = seedGroup(group);
      directory.updateGroup(id, draft -> draft.members().addAll(memberIds));
      return id;
    }
    return seedGroup(group);
  }

  /** Stops serving. Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      server.stop();
    }
  }

  /** Settings of a {@link ScimEmulator}. */
  public static final class Builder {
    private EmulatorProfile profile = EmulatorProfile.AWS_IDENTITY_CENTER;
    private String host = "127.0.0.1";
    private int port;
    private String tenant = "t-emulator";
    private String token = "emulator-token";
    private FaultSettings faults = FaultSettings.none();
    private @Nullable ServerQuirks quirks;
    private int shortPageEvery = 3;

    private Builder() {}

    /** The profile to follow (default AWS Identity Center). */
    public Builder profile(EmulatorProfile value) {
      this.profile = Objects.requireNonNull(value, "profile");
      return this;
    }

    /** The interface to bind (default 127.0.0.1). */
    public Builder host(String value) {
      this.host = Objects.requireNonNull(value, "host");
      return this;
    }

    /** The port (default 0: any free port). */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new EmulatorException(EmulatorException.Kind.INVALID_INPUT, "invalid port " + value);
      }
      this.port = value;
      return this;
    }

    /** The tenant id in the base path (default {@code t-emulator}). */
    public Builder tenant(String value) {
      if (value.isBlank() || value.contains("/")) {
        throw new EmulatorException(EmulatorException.Kind.INVALID_INPUT, "invalid tenant id");
      }
      this.tenant = value;
      return this;
    }

    /** The bearer token clients must send (default {@code emulator-token}). */
    public Builder token(String value) {
      if (value.isBlank()) {
        throw new EmulatorException(EmulatorException.Kind.INVALID_INPUT, "empty token");
      }
      this.token = value;
      return this;
    }

    /** The initial faults (default none). */
    public Builder faults(FaultSettings value) {
      this.faults = Objects.requireNonNull(value, "faults");
      return this;
    }

    /**
     * The quirks of real servers to imitate. Default: none for rfc7644; for aws-identity-center, a
     * PATCH without a {@code User-Agent} is refused, as AWS has been reported to do.
     */
    public Builder quirks(ServerQuirks value) {
      this.quirks = Objects.requireNonNull(value, "quirks");
      return this;
    }

    /**
     * AWS profile: in a cursor walk, page 2 and then every {@code n}-th page holds half of {@code
     * count} although more follow (default 3; 0 = always full pages).
     */
    public Builder shortPageEvery(int n) {
      if (n < 0) {
        throw new EmulatorException(EmulatorException.Kind.INVALID_INPUT, "shortPageEvery >= 0");
      }
      this.shortPageEvery = n;
      return this;
    }

    /** Binds the port and builds the emulator; call {@link ScimEmulator#start()} to serve. */
    public ScimEmulator build() {
      return new ScimEmulator(this);
    }
  }
}
