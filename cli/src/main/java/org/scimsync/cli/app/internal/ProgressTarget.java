package org.scimsync.cli.app.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.scimsync.engine.target.AttributeChange;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;

/**
 * A {@link ScimTarget} that reports every write it passes on, to drive a progress bar on an
 * interactive terminal. Reads are passed on unreported.
 */
public final class ProgressTarget implements ScimTarget {

  private final ScimTarget target;
  private final Runnable onWrite;

  public ProgressTarget(ScimTarget target, Runnable onWrite) {
    this.target = Objects.requireNonNull(target, "target");
    this.onWrite = Objects.requireNonNull(onWrite, "onWrite");
  }

  @Override
  public Stream<TargetUser> users() {
    return target.users();
  }

  @Override
  public Stream<TargetGroup> groups() {
    return target.groups();
  }

  @Override
  public Optional<TargetUser> findUserByExternalId(String externalId) {
    return target.findUserByExternalId(externalId);
  }

  @Override
  public Optional<TargetUser> findUserByUserName(String userName) {
    return target.findUserByUserName(userName);
  }

  @Override
  public Optional<TargetGroup> findGroupByExternalId(String externalId) {
    return target.findGroupByExternalId(externalId);
  }

  @Override
  public Optional<TargetGroup> findGroupByDisplayName(String displayName) {
    return target.findGroupByDisplayName(displayName);
  }

  @Override
  public TargetUser createUser(ObjectNode resource, String externalId) {
    try {
      return target.createUser(resource, externalId);
    } finally {
      onWrite.run();
    }
  }

  @Override
  public TargetGroup createGroup(ObjectNode resource, String externalId, List<String> memberIds) {
    try {
      return target.createGroup(resource, externalId, memberIds);
    } finally {
      onWrite.run();
    }
  }

  @Override
  public void patchUser(String id, List<AttributeChange> changes) {
    write(() -> target.patchUser(id, changes));
  }

  @Override
  public void patchGroup(String id, List<AttributeChange> changes) {
    write(() -> target.patchGroup(id, changes));
  }

  @Override
  public void addMembers(String groupId, Collection<String> userIds) {
    write(() -> target.addMembers(groupId, userIds));
  }

  @Override
  public void removeMembers(String groupId, Collection<String> userIds) {
    write(() -> target.removeMembers(groupId, userIds));
  }

  @Override
  public void deleteUser(String id) {
    write(() -> target.deleteUser(id));
  }

  @Override
  public void deleteGroup(String id) {
    write(() -> target.deleteGroup(id));
  }

  @Override
  public Set<String> groupIdsOfUser(String userId) {
    return target.groupIdsOfUser(userId);
  }

  @Override
  public boolean membersReadable() {
    return target.membersReadable();
  }

  private void write(Runnable request) {
    try {
      request.run();
    } finally {
      onWrite.run();
    }
  }
}
