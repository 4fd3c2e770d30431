package org.scimsync.engine.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.scimsync.engine.plan.ResourceMapper;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.mapping.MappingResult;

/**
 * {@link SimpleMapper}'s rules under a fingerprint of the test's choosing, counting the users it
 * maps; it can be made to reject every user, as rules that are not pure would.
 */
public final class CountingMapper implements ResourceMapper {

  private final SimpleMapper rules = new SimpleMapper();
  private final AtomicInteger users = new AtomicInteger();
  private volatile String fingerprint;
  private volatile boolean rejectAll;

  public CountingMapper(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  @Override
  public MappingResult mapUser(SourceUser user) {
    users.incrementAndGet();
    return rejectAll ? new MappingResult.Rejected("refused", List.of()) : rules.mapUser(user);
  }

  @Override
  public MappingResult mapGroup(SourceGroup group) {
    return rules.mapGroup(group);
  }

  @Override
  public String rulesFingerprint() {
    return fingerprint;
  }

  /** How many users were mapped so far. */
  public int mappedUsers() {
    return users.get();
  }

  /** Rules with another fingerprint from now on (the same mapping). */
  public void fingerprint(String value) {
    fingerprint = value;
  }

  /** Rejects every user from now on. */
  public void rejectAll() {
    rejectAll = true;
  }
}
