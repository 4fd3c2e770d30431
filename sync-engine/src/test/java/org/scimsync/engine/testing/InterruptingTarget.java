package org.scimsync.engine.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.scimsync.engine.target.AttributeChange;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;

/**
 * A target that simulates the process being killed: after a number of writes have reached the real
 * target, the next write is sent and then a {@link Killed} error escapes, so the engine never
 * records how that change ended; every later write fails the same way before it is sent.
 */
public final class InterruptingTarget implements ScimTarget {

  private final ScimTarget delegate;
  private final AtomicInteger writesLeft;

  public InterruptingTarget(ScimTarget delegate, int writes) {
    this.delegate = delegate;
    this.writesLeft = new AtomicInteger(writes);
  }

  /** The simulated death of the process. */
  public static final class Killed extends Error {
    private static final long serialVersionUID = 1L;

    Killed() {
      super("process killed");
    }
  }

  private void beforeWrite() {
    if (writesLeft.get() < 0) {
      throw new Killed();
    }
  }

  private void afterWrite() {
    if (writesLeft.decrementAndGet() < 0) {
      throw new Killed();
    }
  }

  @Override
  public Stream<TargetUser> users() {
    return delegate.users();
  }

  @Override
  public Stream<TargetGroup> groups() {
    return delegate.groups();
  }

  @Override
  public Optional<TargetUser> findUserByExternalId(String externalId) {
    return delegate.findUserByExternalId(externalId);
  }

  @Override
  public Optional<TargetUser> findUserByUserName(String userName) {
    return delegate.findUserByUserName(userName);
  }

  @Override
  public Optional<TargetGroup> findGroupByExternalId(String externalId) {
    return delegate.findGroupByExternalId(externalId);
  }

  @Override
  public Optional<TargetGroup> findGroupByDisplayName(String displayName) {
    return delegate.findGroupByDisplayName(displayName);
  }

  @Override
  public TargetUser createUser(ObjectNode resource, String externalId) {
    beforeWrite();
    TargetUser user = delegate.createUser(resource, externalId);
    afterWrite();
    return user;
  }

  @Override
  public TargetGroup createGroup(ObjectNode resource, String externalId, List<String> memberIds) {
    beforeWrite();
    TargetGroup group = delegate.createGroup(resource, externalId, memberIds);
    afterWrite();
    return group;
  }

  @Override
  public void patchUser(String id, List<AttributeChange> changes) {
    beforeWrite();
    delegate.patchUser(id, changes);
    afterWrite();
  }

  @Override
  public void patchGroup(String id, List<AttributeChange> changes) {
    beforeWrite();
    delegate.patchGroup(id, changes);
    afterWrite();
  }

  @Override
  public void addMembers(String groupId, Collection<String> userIds) {
    beforeWrite();
    delegate.addMembers(groupId, userIds);
    afterWrite();
  }

  @Override
  public void removeMembers(String groupId, Collection<String> userIds) {
    beforeWrite();
    delegate.removeMembers(groupId, userIds);
    afterWrite();
  }

  @Override
  public void deleteUser(String id) {
    beforeWrite();
    delegate.deleteUser(id);
    afterWrite();
  }

  @Override
  public void deleteGroup(String id) {
    beforeWrite();
    delegate.deleteGroup(id);
    afterWrite();
  }

  @Override
  public Set<String> groupIdsOfUser(String userId) {
    return delegate.groupIdsOfUser(userId);
  }

  @Override
  public boolean membersReadable() {
    return delegate.membersReadable();
  }
}
