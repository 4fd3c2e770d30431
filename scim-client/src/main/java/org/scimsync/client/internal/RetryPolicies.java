package org.scimsync.client.internal;

import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.scimsync.client.ConsistencySettings;
import org.scimsync.client.RetrySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Failsafe retry policies of {@link ScimHttp}. */
final class RetryPolicies {

  static final double JITTER = 0.25;
  static final Duration CONSISTENCY_FIRST_DELAY = Duration.ofMillis(200);
  static final Duration CONSISTENCY_LONGEST_DELAY = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(ScimHttp.class);

  private RetryPolicies() {}

  /**
   * Transient failures: 429, 5xx except 501/505 and I/O failures, with exponential backoff and
   * jitter; a {@code Retry-After} replaces the backoff for that wait.
   */
  static RetryPolicy<HttpReply> transientFailures(RetrySettings settings, Clock clock) {
    RetryPolicyBuilder<HttpReply> builder =
        RetryPolicy.<HttpReply>builder()
            .handle(ScimHttp.TransportFailure.class)
            .handleResultIf(reply -> ScimErrors.retryable(reply.status()))
            .withMaxAttempts(settings.maxAttempts())
            .withMaxDuration(settings.maxTotal())
            .withJitter(JITTER)
            .withDelayFn(
                context -> {
                  HttpReply last = context.getLastResult();
                  return last == null
                      ? Duration.ofNanos(-1)
                      : RetryAfter.parse(last.retryAfter(), clock)
                          // jitter may shorten a delay by JITTER: ask for enough to never wait less
                          .map(wait -> Duration.ofNanos((long) (wait.toNanos() / (1 - JITTER))))
                          .orElse(Duration.ofNanos(-1));
                })
            .onRetry(
                event ->
                    LOG.debug(
                        "scim retry attempt={} status={}",
                        event.getAttemptCount(),
                        event.getLastResult() == null ? -1 : event.getLastResult().status()));
    if (settings.maxBackoff().compareTo(settings.initialBackoff()) > 0) {
      builder.withBackoff(settings.initialBackoff(), settings.maxBackoff());
    } else {
      builder.withDelay(settings.initialBackoff());
    }
    return builder.build();
  }

  /**
   * Answers that say "not yet" rather than "no": retried with backoff for at most {@code maxWait},
   * however many attempts that takes. Exceptions pass through untouched (the transient policy
   * inside has dealt with them).
   *
   * @param settings enabled settings
   * @param notYet which answers to retry
   * @param api the operation, for the log
   */
  static RetryPolicy<HttpReply> consistency(
      ConsistencySettings settings, Predicate<HttpReply> notYet, String api) {
    Duration maxWait = settings.maxWait();
    Duration first = max(Duration.ofMillis(1), min(CONSISTENCY_FIRST_DELAY, maxWait.dividedBy(4)));
    Duration longest = min(CONSISTENCY_LONGEST_DELAY, maxWait.dividedBy(2));
    RetryPolicyBuilder<HttpReply> builder =
        RetryPolicy.<HttpReply>builder()
            .handleIf((reply, failure) -> failure == null && reply != null && notYet.test(reply))
            .withMaxRetries(-1)
            .withMaxDuration(maxWait)
            .withJitter(JITTER)
            .onRetry(
                event ->
                    LOG.debug(
                        "scim consistency retry api={} attempt={} status={} requestId={}",
                        api,
                        event.getAttemptCount(),
                        event.getLastResult().status(),
                        event.getLastResult().requestId()));
    if (longest.compareTo(first) > 0) {
      builder.withBackoff(first, longest);
    } else {
      builder.withDelay(first);
    }
    return builder.build();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
