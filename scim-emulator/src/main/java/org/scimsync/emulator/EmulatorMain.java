package org.scimsync.emulator;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the emulator standalone until the process is stopped; prints the SCIM base URL. The token
 * comes from {@code --token} or the {@code SCIM_EMULATOR_TOKEN} environment variable and is never
 * printed.
 */
@Command(
    name = "scim-emulator",
    mixinStandardHelpOptions = true,
    description = "In-memory SCIM 2.0 service provider behaving like AWS IAM Identity Center.")
public final class EmulatorMain implements Callable<Integer> {
  @Option(names = "--host", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port = 8090;

  @Option(
      names = "--profile",
      description = "aws-identity-center or rfc7644 (default: ${DEFAULT-VALUE}).")
  String profile = EmulatorProfile.AWS_IDENTITY_CENTER.cliName();

  @Option(
      names = "--tenant",
      description = "Tenant id in the base path (default: ${DEFAULT-VALUE}).")
  String tenant = "t-emulator";

  @Option(
      names = "--token",
      description =
          "Bearer token clients must send (default: $SCIM_EMULATOR_TOKEN or emulator-token).")
  String token = System.getenv().getOrDefault("SCIM_EMULATOR_TOKEN", "emulator-token");

  @Option(
      names = "--aws-quotas",
      description = "Rate-limit like AWS: 40 reads/s, 25 writes/s per API.")
  boolean awsQuotas;

  @Option(names = "--reads-per-second", description = "Per read API rate limit, 0 = unlimited.")
  double readsPerSecond = -1;

  @Option(names = "--writes-per-second", description = "Per write API rate limit, 0 = unlimited.")
  double writesPerSecond = -1;

  @Option(names = "--retry-after", description = "Send Retry-After with 429.")
  boolean retryAfter;

  @Option(
      names = "--latency-ms",
      description = "Response time of every request in ms (the emulator's own work included).")
  long latencyMillis;

  @Option(names = "--latency-jitter-ms", description = "Extra random latency up to this many ms.")
  long jitterMillis;

  @Option(names = "--error500-before", description = "Share of requests answered 500 unapplied.")
  double error500Before;

  @Option(names = "--error500-after", description = "Share of writes applied, then answered 500.")
  double error500After;

  @Option(names = "--drop-connection", description = "Share of requests whose connection drops.")
  double dropConnection;

  @Option(
      names = "--consistency-window-ms",
      description = "A resource created over SCIM answers 404 to GET/PUT/PATCH for this many ms.")
  long consistencyWindowMillis;

  @Option(
      names = "--concurrent-modification",
      description = "Share of PATCHes answered 409 'concurrently modified', unapplied.")
  double concurrentModification;

  @Option(
      names = "--patch-needs-user-agent",
      description = "Quirk: refuse a PATCH without User-Agent (403).")
  boolean patchNeedsUserAgent;

  @Option(
      names = "--refuse-chunked",
      description = "Quirk: refuse request bodies sent chunked (411 Length Required).")
  boolean refuseChunked;

  @Option(
      names = "--refuse-members-on-create",
      description = "Quirk: refuse a group create that carries members (400).")
  boolean refuseMembersOnCreate;

  @Option(
      names = "--member-limit",
      description = "Quirk: most members per group create or PATCH, 0 = none (400 above).")
  int memberLimit;

  @Option(
      names = "--keep-memberships-of-deleted-users",
      description = "Quirk: a deleted user stays listed as a member of its groups.")
  boolean keepMembershipsOfDeletedUsers;

  @Option(
      names = "--ignore-external-id",
      description = "Quirk: accept externalId but never store or return it.")
  boolean ignoreExternalId;

  @Option(
      names = "--members-only-on-request",
      description = "Quirk: group reads show members only with attributes=members.")
  boolean membersOnlyOnRequest;

  @Option(names = "--seed", description = "Random seed of the faults.")
  long seed = 1;

  @Option(
      names = "--short-page-every",
      description = "AWS cursor paging: page 2 and every N-th page is half full (0 = never).")
  int shortPageEvery = 3;

  /**
   * Parses the arguments and runs until killed. The {@code scim-sync emulator} command runs the
   * same options with the application's exit codes; this entry point exits non-zero on any failure.
   */
  public static void main(String[] args) {
    int code = new CommandLine(new EmulatorMain()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The fault settings the options describe. */
  FaultSettings faultSettings() {
    FaultSettings faults = awsQuotas ? FaultSettings.awsQuotas() : FaultSettings.none();
    if (readsPerSecond >= 0) {
      faults = faults.withReadsPerSecond(readsPerSecond);
    }
    if (writesPerSecond >= 0) {
      faults = faults.withWritesPerSecond(writesPerSecond);
    }
    return faults
        .withRetryAfterHeader(retryAfter)
        .withLatency(Duration.ofMillis(latencyMillis))
        .withLatencyJitter(Duration.ofMillis(jitterMillis))
        .withError500BeforeRatio(error500Before)
        .withError500AfterRatio(error500After)
        .withDropConnectionRatio(dropConnection)
        .withConsistencyWindow(Duration.ofMillis(consistencyWindowMillis))
        .withConcurrentModificationRatio(concurrentModification)
        .withSeed(seed);
  }

  /** The server quirks the options describe. */
  ServerQuirks quirks() {
    return ServerQuirks.none()
        .withPatchNeedsUserAgent(patchNeedsUserAgent)
        .withChunkedBodiesRefused(refuseChunked)
        .withMembersRefusedOnCreate(refuseMembersOnCreate)
        .withMemberLimitPerRequest(memberLimit)
        .withMembershipsKeptAfterUserDelete(keepMembershipsOfDeletedUsers)
        .withExternalIdIgnored(ignoreExternalId)
        .withMembersOnlyOnRequest(membersOnlyOnRequest);
  }

  /** Builds the emulator the options describe (not started). */
  ScimEmulator emulator() {
    return ScimEmulator.builder()
        .profile(EmulatorProfile.fromCliName(profile))
        .host(host)
        .port(port)
        .tenant(tenant)
        .token(token)
        .faults(faultSettings())
        .quirks(quirks())
        .shortPageEvery(shortPageEvery)
        .build();
  }

  @Override
  public Integer call() throws InterruptedException {
    ScimEmulator emulator = emulator().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "scim-emulator-shutdown"));
    System.out.println("SCIM base URL: " + emulator.baseUri());
    System.out.println("Admin URL:     " + emulator.adminUri());
    System.out.println("Profile:       " + emulator.profile().cliName());
    System.out.flush();
    stopped.await();
    return 0;
  }
}
