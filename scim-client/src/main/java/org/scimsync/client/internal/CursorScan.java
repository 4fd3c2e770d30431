package org.scimsync.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The top-level {@code nextCursor} of a raw list page, found with Jackson's streaming parser
 * without building trees: nested values ({@code Resources} included) are skipped, and reading stops
 * at {@code nextCursor}, which AWS sends before {@code Resources}. A page that cannot be scanned is
 * reported as unreadable; its exact error comes from parsing it into trees.
 *
 * @param nextCursor the cursor of the next page: a non-blank string, else null
 * @param readable whether the page is a JSON object up to where the scan stopped
 */
record CursorScan(@Nullable String nextCursor, boolean readable) {

  private static final JsonFactory JSON = new JsonFactory();
  private static final CursorScan UNREADABLE = new CursorScan(null, false);

  /**
   * Scans a page.
   *
   * @param body the raw page, UTF-8 JSON
   * @return what was found; never throws
   */
  static CursorScan of(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return UNREADABLE;
      }
      for (JsonToken token = parser.nextToken();
          token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("nextCursor".equals(field)) {
          // The first occurrence decides: a page naming nextCursor twice is malformed anyway.
          String text = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          return new CursorScan(text == null || text.isBlank() ? null : text, true);
        }
        parser.skipChildren();
      }
      // The object ended (or broke off: then tree parsing reports the error) without a cursor.
      return parser.currentToken() == JsonToken.END_OBJECT
          ? new CursorScan(null, true)
          : UNREADABLE;
    } catch (IOException | RuntimeException e) {
      return UNREADABLE;
    }
  }
}
