package org.scimsync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimResource;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.scimsync.client.Capability;
import org.scimsync.client.ScimException;
import org.scimsync.client.ScimFilter;

/**
 * The reads of the generic profile that adapt to the target: equality lookups that fall back to
 * listing and comparing here when the target has no filters (announced, configured, or learned from
 * a refused filter), and a read-back of the first user and group created in a run, which learns the
 * attributes the target does not keep as sent (dropped, such as an {@code externalId} it does not
 * store, or rewritten, such as a {@code name.formatted} it adds).
 */
public final class AdaptiveReads {

  private static final Set<String> NEVER_PROBED =
      Set.of("schemas", "id", "meta", "members", "groups", "password");

  private final ResourceEndpoint<ScimUser> users;
  private final ResourceEndpoint<ScimGroup> groups;
  private final ScimJson json;
  private final CapabilityBook book;
  private final AtomicBoolean usersProbed = new AtomicBoolean();
  private final AtomicBoolean groupsProbed = new AtomicBoolean();

  /**
   * Creates the reads.
   *
   * @param users the {@code /Users} endpoint
   * @param groups the {@code /Groups} endpoint
   * @param json the SCIM mapper
   * @param book what is known of the target
   */
  public AdaptiveReads(
      ResourceEndpoint<ScimUser> users,
      ResourceEndpoint<ScimGroup> groups,
      ScimJson json,
      CapabilityBook book) {
    this.users = Objects.requireNonNull(users, "users");
    this.groups = Objects.requireNonNull(groups, "groups");
    this.json = Objects.requireNonNull(json, "json");
    this.book = Objects.requireNonNull(book, "book");
  }

  /** Probes again in the next run (call when a run starts). */
  public void newRun() {
    usersProbed.set(false);
    groupsProbed.set(false);
  }

  /**
   * Users whose attribute equals a value.
   *
   * @param attribute a top-level attribute, such as {@code userName}
   * @param value the value
   * @return the candidates (the caller picks the exact match)
   */
  public List<ScimUser> users(String attribute, String value) {
    return find(users, attribute, value, null);
  }

  /**
   * Groups whose attribute equals a value.
   *
   * @param attribute a top-level attribute, or {@code members.value}
   * @param value the value
   * @return the candidates
   */
  public List<ScimGroup> groups(String attribute, String value) {
    String wanted = attribute.startsWith("members") && book.membersOnRequest() ? "members" : null;
    return find(groups, attribute, value, wanted);
  }

  private <T extends ScimResource> List<T> find(
      ResourceEndpoint<T> endpoint,
      String attribute,
      String value,
      @org.jspecify.annotations.Nullable String attributes) {
    if (!book.adapts() || book.filterSupported()) {
      try {
        return endpoint.list(ScimFilter.eq(attribute, value)).toList();
      } catch (ScimException e) {
        if (!book.adapts() || !filterRefused(e)) {
          throw e;
        }
        book.learn(Capability.FILTER, "false");
      }
    }
    try (Stream<ObjectNode> all = endpoint.listTrees(null, attributes)) {
      return all.filter(node -> matches(node, attribute, value))
          .map(node -> json.convert(endpoint.listApiName(), node, endpoint.type()))
          .toList();
    }
  }

  /** Whether a refusal says the target does not take the filter (rather than the request). */
  static boolean filterRefused(ScimException e) {
    if (e.status() == 501) {
      return true;
    }
    String words = (e.scimType() + " " + e.detail()).toLowerCase(Locale.ROOT);
    return (e.status() == 400 || e.status() == 403) && words.contains("filter");
  }

  private static boolean matches(JsonNode node, String attribute, String value) {
    int dot = attribute.indexOf('.');
    JsonNode found = node.get(dot < 0 ? attribute : attribute.substring(0, dot));
    if (found == null) {
      return false;
    }
    if (found.isArray()) {
      for (JsonNode item : found) {
        JsonNode leaf = dot < 0 ? item : item.get(attribute.substring(dot + 1));
        if (leaf != null && leaf.isTextual() && leaf.asText().equalsIgnoreCase(value)) {
          return true;
        }
      }
      return false;
    }
    JsonNode leaf = dot < 0 ? found : found.get(attribute.substring(dot + 1));
    return leaf != null && leaf.isTextual() && leaf.asText().equalsIgnoreCase(value);
  }

  /**
   * After a user was created: once a run, until it is known, reads it back and learns which of the
   * sent attributes the target does not keep as sent.
   *
   * @param sent the user as sent
   * @param id the new user's id
   */
  public void createdUser(ScimUser sent, String id) {
    probe(users, sent, id, Capability.USER_ATTRIBUTES_NOT_KEPT, usersProbed);
  }

  /**
   * As {@link #createdUser} for a group.
   *
   * @param sent the group as sent
   * @param id the new group's id
   */
  public void createdGroup(ScimGroup sent, String id) {
    probe(groups, sent, id, Capability.GROUP_ATTRIBUTES_NOT_KEPT, groupsProbed);
  }

  private <T extends ScimResource> void probe(
      ResourceEndpoint<T> endpoint, T sent, String id, Capability capability, AtomicBoolean done) {
    if (!book.adapts() || book.settled(capability) || !done.compareAndSet(false, true)) {
      return;
    }
    endpoint
        .get(id)
        .ifPresent(
            read -> {
              JsonNode was = json.mapper().valueToTree(sent);
              JsonNode is = json.mapper().valueToTree(read);
              book.learn(capability, String.join(",", notKept(was, is)));
            });
  }

  /** The paths of {@code sent} that {@code read} lacks, and the sub-attributes it adds. */
  static Set<String> notKept(JsonNode sent, JsonNode read) {
    Set<String> paths = new TreeSet<>();
    for (Iterator<String> it = sent.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      JsonNode was = sent.get(name);
      JsonNode is = read.get(name);
      if (NEVER_PROBED.contains(name) || was == null || was.isNull()) {
        continue;
      }
      if (is == null || is.isNull()) {
        paths.add(name);
      } else if (was.isObject() && is.isObject()) {
        String separator = name.startsWith("urn:") ? ":" : ".";
        for (Iterator<String> subs = was.fieldNames(); subs.hasNext(); ) {
          String sub = subs.next();
          if (!was.get(sub).isNull() && (is.get(sub) == null || is.get(sub).isNull())) {
            paths.add(name + separator + sub);
          }
        }
        for (Iterator<String> subs = is.fieldNames(); subs.hasNext(); ) {
          String sub = subs.next();
          if (!is.get(sub).isNull() && (was.get(sub) == null || was.get(sub).isNull())) {
            paths.add(name + separator + sub);
          }
        }
      }
    }
    return paths;
  }
}
