package org.scimsync.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The paging of one list request.
 *
 * <p>AWS profile: cursor paging when a {@code cursor} parameter is present (empty for the first
 * page): {@code count} 1..100 (default 100), the answer carries {@code itemsPerPage} and, while
 * more follow, {@code nextCursor}. Every {@code shortPageEvery}-th page (the 2nd, then every {@code
 * shortPageEvery} pages) holds only half of {@code count} although more follow, so clients that
 * stop at a short page are caught. Without {@code cursor}, the first {@code count} results with
 * {@code totalResults} and {@code startIndex} 1 (the older behaviour); a {@code startIndex} above 1
 * answers 400. RFC 7644 profile: {@code startIndex} (1-based) and {@code count} (default 100, at
 * most 1000) with {@code totalResults}.
 *
 * @param cursorMode whether the answer is cursor-style
 * @param afterSeq resources after this creation sequence number
 * @param pageNumber 0-based number of the page in a cursor walk
 * @param skip resources to skip (startIndex - 1)
 * @param limit the most resources on this page
 */
record PageRequest(boolean cursorMode, long afterSeq, int pageNumber, int skip, int limit) {

  static PageRequest of(Map<String, String> query, boolean aws, int shortPageEvery) {
    if (!aws) {
      int startIndex = Math.max(1, integer(query, "startIndex", 1));
      int count = Math.min(1000, Math.max(0, integer(query, "count", 100)));
      return new PageRequest(false, 0, 0, startIndex - 1, count);
    }
    int count = integer(query, "count", 100);
    if (count < 1 || count > 100) {
      throw ScimProblem.invalidValue("count must be between 1 and 100.");
    }
    String cursor = query.get("cursor");
    if (cursor == null) {
      if (integer(query, "startIndex", 1) > 1) {
        throw ScimProblem.invalidValue("startIndex is not supported; page with cursor.");
      }
      return new PageRequest(false, 0, 0, 0, count);
    }
    long afterSeq = 0;
    int page = 0;
    if (!cursor.isEmpty()) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
        afterSeq = Long.parseLong(parts[0]);
        page = Integer.parseInt(parts[1]);
      } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
        throw ScimProblem.invalidValue("Invalid cursor.");
      }
    }
    int limit = count;
    if (shortPageEvery > 0 && page % shortPageEvery == 1) {
      limit = Math.max(1, count / 2);
    }
    return new PageRequest(true, afterSeq, page, 0, limit);
  }

  /** The cursor of the page after one that ended with {@code lastSeq}. */
  @Nullable String nextCursor(long lastSeq) {
    String raw = lastSeq + ":" + (pageNumber + 1);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static int integer(Map<String, String> query, String name, int fallback) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ScimProblem.invalidValue("Parameter '" + name + "' must be a number.");
    }
  }
}
