package org.scimsync.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

/**
 * The useful part of a SCIM error answer, read defensively: RFC 7644 bodies ({@code status} a
 * number, {@code scimType}), AWS bodies ({@code status} a string, no {@code scimType}), unknown
 * codes, and bodies that are not JSON at all (their start becomes the detail).
 *
 * @param detail the server's explanation, if any
 * @param scimType the RFC 7644 error type, if any
 * @param requestId AWS's {@code exceptionRequestId}, if any
 */
record ErrorBody(@Nullable String detail, @Nullable String scimType, @Nullable String requestId) {

  static final ErrorBody EMPTY = new ErrorBody(null, null, null);

  static final int MAX_DETAIL = 300;

  /**
   * Reads an error body. Never throws.
   *
   * @param body the raw answer body, possibly empty
   * @param json a plain JSON reader
   * @return the detail and scimType found
   */
  public static ErrorBody parse(@Nullable String body, ObjectMapper json) {
    if (body == null || body.isBlank()) {
      return EMPTY;
    }
    try {
      JsonNode tree = json.readTree(body);
      if (tree != null && tree.isObject()) {
        String detail = text(tree, "detail");
        if (detail == null) {
          detail = text(tree, "message");
        }
        return new ErrorBody(
            clip(detail), clip(text(tree, "scimType")), clip(text(tree, "exceptionRequestId")));
      }
    } catch (JsonProcessingException | RuntimeException e) {
      // Not JSON: fall through and keep the start of the text.
    }
    return new ErrorBody(clip(body.strip()), null, null);
  }

  private static @Nullable String text(JsonNode tree, String field) {
    JsonNode node = tree.get(field);
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    String value = node.asText();
    return value.isBlank() ? null : value;
  }

  private static @Nullable String clip(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "…";
  }
}
