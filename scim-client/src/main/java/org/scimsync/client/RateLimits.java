package org.scimsync.client;

/**
 * Client-side request rates, applied per SCIM API operation: every read operation (ListUsers,
 * GetUser, ListGroups, GetGroup, ServiceProviderConfig) gets its own limiter at {@code
 * readsPerSecond}, every write operation (CreateUser, PutUser, PatchUser, DeleteUser, CreateGroup,
 * PatchGroup, DeleteGroup) its own at {@code writesPerSecond}. This mirrors AWS IAM Identity
 * Center, whose quotas are per API (CreateUser 25/s and CreateGroup 25/s at the same time). A rate
 * of {@code 0} or less means unlimited.
 *
 * @param readsPerSecond permitted calls per second of each read operation; {@code <= 0}: unlimited
 * @param writesPerSecond permitted calls per second of each write operation; {@code <= 0}:
 *     unlimited
 */
public record RateLimits(double readsPerSecond, double writesPerSecond) {

  /** No client-side limit at all. */
  public static final RateLimits UNLIMITED = new RateLimits(0, 0);

  /** Validates the rates. */
  public RateLimits {
    if (Double.isNaN(readsPerSecond) || Double.isNaN(writesPerSecond)) {
      throw new IllegalArgumentException("rate limits must be numbers");
    }
  }

  /**
   * Whether reads are limited.
   *
   * @return true if {@code readsPerSecond > 0} and finite
   */
  public boolean limitsReads() {
    return readsPerSecond > 0 && Double.isFinite(readsPerSecond);
  }

  /**
   * Whether writes are limited.
   *
   * @return true if {@code writesPerSecond > 0} and finite
   */
  public boolean limitsWrites() {
    return writesPerSecond > 0 && Double.isFinite(writesPerSecond);
  }
}
