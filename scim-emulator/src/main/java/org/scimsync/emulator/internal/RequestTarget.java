package org.scimsync.emulator.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The decoded path segments and query parameters of a request (the first value of a repeated
 * parameter wins).
 *
 * @param segments the non-empty path segments, decoded ({@code +} stays a plus)
 * @param query the query parameters, decoded
 */
record RequestTarget(List<String> segments, Map<String, String> query) {

  RequestTarget {
    segments = List.copyOf(segments);
    query = Map.copyOf(query);
  }

  /**
   * Decodes a request URI.
   *
   * @throws IllegalArgumentException if it is not correctly percent-encoded
   */
  static RequestTarget of(URI uri) {
    return new RequestTarget(segments(uri.getRawPath()), query(uri.getRawQuery()));
  }

  /** Whether the path is {@code /<tenant>/scim/v2/...}. */
  boolean scimPath() {
    return segments.size() >= 3 && segments.get(1).equals("scim") && segments.get(2).equals("v2");
  }

  /** Whether the first segment is {@code tenant}. */
  boolean tenantIs(String tenant) {
    return !segments.isEmpty() && segments.get(0).equals(tenant);
  }

  /** The SCIM operation a method on this path asks for. */
  ScimRoute route(String method) {
    return scimPath()
        ? ScimRoute.classify(method, segments.subList(3, segments.size()))
        : new ScimRoute("Unknown", "", null);
  }

  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String part : rawPath.split("/")) {
      if (!part.isEmpty()) {
        segments.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }

  private static Map<String, String> query(@Nullable String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(name, value);
    }
    return params;
  }
}
