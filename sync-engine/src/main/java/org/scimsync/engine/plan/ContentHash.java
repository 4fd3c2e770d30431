package org.scimsync.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Content hashes: SHA-256 over a canonical form of JSON (object keys sorted), so that the same
 * resource always hashes the same whatever the order in which the mapping produced its fields.
 */
public final class ContentHash {

  private ContentHash() {}

  /** The hash of a resource. */
  public static String of(JsonNode resource) {
    StringBuilder canonical = new StringBuilder(256);
    canonicalize(resource, canonical);
    return sha256(canonical);
  }

  /** The hash of a resource, leaving out some top-level attributes (e.g. {@code meta}). */
  public static String ofIgnoring(JsonNode resource, Set<String> ignoredTopLevel) {
    StringBuilder canonical = new StringBuilder(256);
    canonicalize(resource, canonical, ignoredTopLevel);
    return sha256(canonical);
  }

  /** The hash of a sequence of strings, e.g. sorted keys and hashes. */
  public static String ofStrings(Collection<String> parts) {
    StringBuilder joined = new StringBuilder();
    for (String part : parts) {
      joined.append(part.length()).append(':').append(part).append('\n');
    }
    return sha256(joined);
  }

  private static void canonicalize(JsonNode node, StringBuilder out) {
    canonicalize(node, out, Set.of());
  }

  private static void canonicalize(JsonNode node, StringBuilder out, Set<String> ignored) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>(node.size());
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (String name : names) {
        if (ignored.contains(name)) {
          continue;
        }
        out.append('"').append(name).append("\":");
        canonicalize(node.get(name), out);
        out.append(',');
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        canonicalize(it.next(), out);
        out.append(',');
      }
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }

  private static String sha256(CharSequence text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash = digest.digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
