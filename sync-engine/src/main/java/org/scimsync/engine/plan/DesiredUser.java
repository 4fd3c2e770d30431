package org.scimsync.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A user as the target should hold it: its source key (sent as externalId), its userName, the
 * mapped and sanitized SCIM resource (no schemas, id, externalId, meta) and the hash of that
 * resource, compared with the link's.
 *
 * <p>The resource of a user known from an earlier run ({@link #remembered}) is mapped only when a
 * plan needs it, for a change or a comparison with the target: a run that finds the user unchanged
 * never maps it. Equality compares the resource, mapping it if needed. Thread-safe.
 */
public final class DesiredUser {

  private final String key;
  private final String userName;
  private final String contentHash;
  private @Nullable Supplier<ObjectNode> mapping;
  private volatile @Nullable ObjectNode resource;

  /** A user whose resource is mapped already. */
  public DesiredUser(String key, String userName, ObjectNode resource, String contentHash) {
    this(key, userName, contentHash, null, Objects.requireNonNull(resource, "resource"));
  }

  private DesiredUser(
      String key,
      String userName,
      String contentHash,
      @Nullable Supplier<ObjectNode> mapping,
      @Nullable ObjectNode resource) {
    this.key = Objects.requireNonNull(key, "key");
    this.userName = Objects.requireNonNull(userName, "userName");
    this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
    this.mapping = mapping;
    this.resource = resource;
  }

  /**
   * A user whose userName and content hash are known from an earlier run with the same rules and
   * the same source entry; {@code mapping} gives the resource when it is first needed.
   */
  public static DesiredUser remembered(
      String key, String userName, String contentHash, Supplier<ObjectNode> mapping) {
    return new DesiredUser(
        key, userName, contentHash, Objects.requireNonNull(mapping, "mapping"), null);
  }

  public String key() {
    return key;
  }

  public String userName() {
    return userName;
  }

  /** The resource, mapped now if it was not yet. */
  public ObjectNode resource() {
    ObjectNode mapped = resource;
    if (mapped == null) {
      synchronized (this) {
        mapped = resource;
        if (mapped == null) {
          mapped = Objects.requireNonNull(mapping, "mapping").get();
          resource = mapped;
          mapping = null;
        }
      }
    }
    return mapped;
  }

  public String contentHash() {
    return contentHash;
  }

  /** Whether the resource has been mapped (always, unless the user was {@link #remembered}). */
  public boolean isMapped() {
    return resource != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DesiredUser that
        && key.equals(that.key)
        && userName.equals(that.userName)
        && contentHash.equals(that.contentHash)
        && resource().equals(that.resource());
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, userName, contentHash);
  }

  @Override
  public String toString() {
    return "DesiredUser[key="
        + key
        + ", userName="
        + userName
        + ", contentHash="
        + contentHash
        + "]";
  }
}
