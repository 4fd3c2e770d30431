package org.scimsync.engine.apply;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.target.TargetException;

/**
 * Notices a target that refuses everything: the same non-retryable refusal (a 411, a 400 of the
 * same shape, a 403, 405, 413, 415 or 422) for {@code limit} writes in a row with nothing applied
 * in between. Then the run stops with one message that quotes the server and names the likely
 * cause, instead of sending every remaining change to be refused the same way. Retryable failures
 * (the target unreachable or throttled after the retries), 404 and 409 (about one object) neither
 * count nor break the streak; an applied change breaks it. Safe for the executor's lanes to share.
 */
final class RefusalStreak {

  /** The default {@code limit}: refusals of the same shape in a row that stop the run. */
  static final int DEFAULT_LIMIT = SyncPolicy.DEFAULT_MAX_CONSECUTIVE_REFUSALS;

  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|`[^`]*`");
  private static final Pattern IDENTIFIER =
      Pattern.compile("[\\p{Alnum}._%+-]*\\d[\\p{Alnum}._%+@:/-]*|\\S+@\\S+");

  private final int limit;
  private @Nullable String shape;
  private int count;
  private @Nullable String stopMessage;

  /**
   * A streak counter.
   *
   * @param limit refusals of one shape in a row that stop the run; at least 1
   */
  RefusalStreak(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    this.limit = limit;
  }

  /** An applied (or partly applied) change: the target accepts writes, the streak ends. */
  synchronized void applied() {
    shape = null;
    count = 0;
  }

  /**
   * A change the target refused.
   *
   * @param change the journal name of the change, such as {@code CREATE_USER}
   * @param refusal what the target answered
   * @return the message to stop the run with, once the streak reaches the limit; else null
   */
  synchronized @Nullable String refused(String change, TargetException refusal) {
    if (stopMessage != null) {
      return stopMessage;
    }
    Integer status = refusal.httpStatus();
    if (status == null || !counts(status)) {
      return null;
    }
    String next = status + " " + shapeOf(words(refusal));
    if (next.equals(shape)) {
      count++;
    } else {
      shape = next;
      count = 1;
    }
    if (count >= limit) {
      stopMessage = message(change, status, words(refusal));
    }
    return stopMessage;
  }

  /** Whether a refusal with this status says something about every write, not about one object. */
  static boolean counts(int status) {
    return status == 400
        || status == 403
        || status == 405
        || status == 411
        || status == 413
        || status == 415
        || status == 422;
  }

  private String message(String change, int status, String words) {
    return "the target refused "
        + limit
        + " writes in a row the same way, and nothing succeeded in between (last: "
        + change
        + ", HTTP "
        + status
        + ": \""
        + words
        + "\"); likely cause: "
        + likelyCause(status)
        + ". The remaining changes were not sent";
  }

  /** What most often makes a target refuse every write with this status. */
  static String likelyCause(int status) {
    return switch (status) {
      case 411 ->
          "the target, or a proxy or gateway in front of it, wants a Content-Length on every"
              + " request body and did not get one; check what sits between scim-sync and the"
              + " target";
      case 403 ->
          "the account of the token or client lacks the permission to manage users and groups"
              + " (Keycloak: the realm-management roles manage-users, view-users, query-users,"
              + " query-groups), or a firewall in front of the target blocks these requests";
      case 405 ->
          "the target does not allow this method here (PATCH or PUT): it describes itself"
              + " wrongly, so set target.capabilities (see docs/targets.md)";
      case 413 -> "the requests are too large for the target or a proxy in front of it";
      case 415 ->
          "the target wants another Content-Type than application/scim+json; check the base URL";
      case 422 -> "the target cannot process what the mapping produces; check the rules";
      default ->
          "every request has something the target does not accept: an attribute produced by the"
              + " mapping rules that it does not know, or a target profile that does not fit it"
              + " (target.profile, target.capabilities); the server's words above name it";
    };
  }

  private static String words(TargetException refusal) {
    String detail = refusal.serverDetail();
    return detail != null && !detail.isBlank()
        ? detail.strip()
        : Objects.requireNonNullElse(refusal.getMessage(), "no detail");
  }

  /**
   * The server's words with what differs from object to object masked: quoted values, and words
   * with a digit or an {@code @} (ids, user names, counts, request ids).
   */
  static String shapeOf(String words) {
    String masked = QUOTED.matcher(words).replaceAll("\"*\"");
    return IDENTIFIER.matcher(masked).replaceAll("*").toLowerCase(Locale.ROOT);
  }
}
