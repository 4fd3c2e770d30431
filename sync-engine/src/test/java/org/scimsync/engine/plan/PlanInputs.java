package org.scimsync.engine.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;

/** Builds planner inputs for tests: desired objects, target objects and stored links. */
final class PlanInputs {

  final List<DesiredUser> desiredUsers = new ArrayList<>();
  final List<DesiredGroup> desiredGroups = new ArrayList<>();
  final List<TargetUser> targetUsers = new ArrayList<>();
  final List<TargetGroup> targetGroups = new ArrayList<>();
  final Map<String, Link> userLinks = new HashMap<>();
  final Map<String, Link> groupLinks = new HashMap<>();
  final Map<String, Set<String>> memberships = new HashMap<>();
  boolean complete = true;

  static ObjectNode userResource(String userName, String title) {
    ObjectNode resource = JsonNodeFactory.instance.objectNode();
    resource.put("userName", userName);
    resource.put("displayName", userName);
    ObjectNode name = resource.putObject("name");
    name.put("givenName", "Given");
    name.put("familyName", "Family");
    if (title != null) {
      resource.put("title", title);
    }
    return resource;
  }

  static ObjectNode groupResource(String displayName) {
    ObjectNode resource = JsonNodeFactory.instance.objectNode();
    resource.put("displayName", displayName);
    return resource;
  }

  PlanInputs desiredUser(String key, String userName, String title) {
    ObjectNode resource = userResource(userName, title);
    desiredUsers.add(new DesiredUser(key, userName, resource, ContentHash.of(resource)));
    return this;
  }

  PlanInputs desiredGroup(String key, String name, String... members) {
    ObjectNode resource = groupResource(name);
    desiredGroups.add(
        new DesiredGroup(key, name, resource, ContentHash.of(resource), List.of(members)));
    return this;
  }

  PlanInputs targetUser(String id, String externalId, String userName, String title) {
    ObjectNode resource = userResource(userName, title);
    resource.put("id", id);
    if (externalId != null) {
      resource.put("externalId", externalId);
    }
    targetUsers.add(new TargetUser(id, externalId, userName, resource));
    return this;
  }

  PlanInputs targetGroup(String id, String externalId, String name) {
    ObjectNode resource = groupResource(name);
    resource.put("id", id);
    if (externalId != null) {
      resource.put("externalId", externalId);
    }
    targetGroups.add(new TargetGroup(id, externalId, name, resource));
    return this;
  }

  /** A linked, in-sync user: desired, in the target, and linked with the right hash. */
  PlanInputs syncedUser(String key, String id, String userName) {
    desiredUser(key, userName, null);
    targetUser(id, key, userName, null);
    return userLink(key, id, ContentHash.of(userResource(userName, null)), false);
  }

  /** A linked, in-sync group with these pushed members. */
  PlanInputs syncedGroup(String key, String id, String name, String... members) {
    desiredGroup(key, name, members);
    targetGroup(id, key, name);
    groupLinks.put(
        key,
        new Link(
            ObjectKind.GROUP, key, id, ContentHash.of(groupResource(name)), false, Instant.EPOCH));
    memberships.put(key, Set.of(members));
    return this;
  }

  PlanInputs userLink(String key, String id, String hash, boolean disabled) {
    userLinks.put(key, new Link(ObjectKind.USER, key, id, hash, disabled, Instant.EPOCH));
    return this;
  }

  PlanInputs groupLink(String key, String id) {
    groupLinks.put(key, new Link(ObjectKind.GROUP, key, id, "old", false, Instant.EPOCH));
    return this;
  }

  PlanInputs pushed(String groupKey, String... users) {
    memberships.put(groupKey, Set.of(users));
    return this;
  }

  PlanInputs incremental() {
    complete = false;
    return this;
  }

  DesiredState desired() {
    return DesiredState.of(desiredUsers, desiredGroups);
  }

  ObservedState observed() {
    return new ObservedState(complete, targetUsers, targetGroups, null);
  }

  StoredState stored() {
    return new StoredState(userLinks, groupLinks, memberships, Instant.EPOCH);
  }
}
