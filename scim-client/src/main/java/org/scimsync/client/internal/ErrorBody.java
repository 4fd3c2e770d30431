package org.scimsync.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The useful part of an error answer, read defensively: RFC 7644 bodies ({@code schemas} an array,
 * {@code status} a number, {@code scimType}); AWS bodies ({@code status} a string, no {@code
 * scimType}, {@code exceptionRequestId}, and in 2022 a single {@code schema} string instead of
 * {@code schemas}); unknown or malformed codes (kept out, never thrown); JSON that is no SCIM error
 * at all (an API gateway's {@code message}, or the body itself when nothing explains it); and
 * bodies that are not JSON (their start becomes the detail).
 *
 * @param detail the server's explanation, if any
 * @param scimType the RFC 7644 error type, if any, whatever its value
 * @param requestId AWS's {@code exceptionRequestId}, if any
 * @param status the {@code status} of the body as a number, if it holds an HTTP code
 * @param scimError whether the body names the SCIM error schema (in {@code schemas} or {@code
 *     schema})
 */
record ErrorBody(
    @Nullable String detail,
    @Nullable String scimType,
    @Nullable String requestId,
    @Nullable Integer status,
    boolean scimError) {

  static final ErrorBody EMPTY = new ErrorBody(null, null, null, null, false);

  static final int MAX_DETAIL = 300;

  static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

  private static final Pattern HTTP_CODE = Pattern.compile("[1-5]\\d\\d");

  /**
   * Reads an error body. Never throws.
   *
   * @param body the raw answer body, possibly empty
   * @param json a plain JSON reader
   * @return what was found
   */
  public static ErrorBody parse(@Nullable String body, ObjectMapper json) {
    if (body == null || body.isBlank()) {
      return EMPTY;
    }
    try {
      JsonNode tree = json.readTree(body);
      if (tree != null && tree.isObject()) {
        boolean scimError = schemas(tree).contains(ERROR_SCHEMA);
        String detail = text(tree, "detail");
        if (detail == null) {
          detail = text(tree, "message");
        }
        if (detail == null && !scimError) {
          // Someone else's JSON (a gateway, a proxy): show it rather than nothing.
          detail = body.strip();
        }
        return new ErrorBody(
            clip(detail),
            clip(text(tree, "scimType")),
            clip(text(tree, "exceptionRequestId")),
            status(tree),
            scimError);
      }
    } catch (JsonProcessingException | RuntimeException e) {
      // Not JSON: fall through and keep the start of the text.
    }
    return new ErrorBody(clip(body.strip()), null, null, null, false);
  }

  /** {@code schemas} (RFC 7644, an array) and {@code schema} (AWS in 2022, a string) together. */
  private static List<String> schemas(JsonNode tree) {
    List<String> found = new ArrayList<>();
    for (String field : new String[] {"schemas", "schema"}) {
      JsonNode node = tree.get(field);
      if (node == null) {
        continue;
      }
      if (node.isArray()) {
        node.forEach(item -> addText(item, found));
      } else {
        addText(node, found);
      }
    }
    return found;
  }

  private static void addText(JsonNode node, List<String> into) {
    if (node.isTextual()) {
      into.add(node.asText().strip());
    }
  }

  /** {@code 409} or {@code "409"}; anything else (a word, a fraction, 999) is no status. */
  private static @Nullable Integer status(JsonNode tree) {
    JsonNode node = tree.get("status");
    if (node == null) {
      return null;
    }
    String text;
    if (node.isIntegralNumber()) {
      text = node.asText();
    } else if (node.isTextual()) {
      text = node.asText().strip();
    } else {
      return null;
    }
    return HTTP_CODE.matcher(text).matches() ? Integer.valueOf(text) : null;
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
