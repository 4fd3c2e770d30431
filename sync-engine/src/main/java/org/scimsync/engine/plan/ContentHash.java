package org.scimsync.engine.plan;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Content hashes: SHA-256 over a canonical form of JSON (object keys sorted), so that the same
 * resource always hashes the same whatever the order in which the mapping produced its fields.
 */
public final class ContentHash {

  private static final MessageDigest SHA256 = sha256Instance();

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
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      if (fields.size() > 1) {
        fields.sort(Map.Entry.comparingByKey());
      }
      out.append('{');
      for (Map.Entry<String, JsonNode> field : fields) {
        if (ignored.contains(field.getKey())) {
          continue;
        }
        out.append('"').append(field.getKey()).append("\":");
        canonicalize(field.getValue(), out);
        out.append(',');
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (JsonNode element : node) {
        canonicalize(element, out);
        out.append(',');
      }
      out.append(']');
    } else {
      appendScalar(node, out);
    }
  }

  /**
   * Appends a scalar as Jackson writes it ({@code node.toString()}), without going through a JSON
   * generator for the common kinds: strings with Jackson's escaping, booleans, null and integers.
   */
  private static void appendScalar(JsonNode node, StringBuilder out) {
    if (node instanceof TextNode) {
      out.append('"');
      appendEscaped(node.textValue(), out);
      out.append('"');
    } else if (node instanceof BooleanNode || node instanceof NullNode) {
      out.append(node.asText());
    } else if (node instanceof IntNode || node instanceof LongNode) {
      out.append(node.longValue());
    } else {
      out.append(node.toString());
    }
  }

  /** Appends a string escaped as Jackson does by default: quote, backslash, control characters. */
  private static void appendEscaped(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return;
      }
    }
    out.append(text);
  }

  private static String sha256(CharSequence text) {
    byte[] hash = newDigest().digest(text.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash);
  }

  /** A fresh digest, cloned from a prototype rather than looked up among the providers. */
  private static MessageDigest newDigest() {
    try {
      return (MessageDigest) SHA256.clone();
    } catch (CloneNotSupportedException e) {
      return sha256Instance();
    }
  }

  private static MessageDigest sha256Instance() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
