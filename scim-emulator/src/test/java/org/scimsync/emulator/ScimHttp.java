package org.scimsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** A tiny SCIM test client over java.net.http, independent of the product's client. */
final class ScimHttp {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String token;

  ScimHttp(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  static ScimHttp of(ScimEmulator emulator) {
    return new ScimHttp(emulator.baseUri(), "emulator-token");
  }

  /** One answer. */
  record Answer(int status, String text, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return text.isEmpty() ? MissingNode.getInstance() : JSON.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }
  }

  Answer get(String path) {
    return send("GET", path, null);
  }

  Answer post(String path, Object body) {
    return send("POST", path, body);
  }

  Answer put(String path, Object body) {
    return send("PUT", path, body);
  }

  Answer patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  Answer delete(String path) {
    return send("DELETE", path, null);
  }

  Answer send(String method, String path, Object body) {
    return sendWithToken(method, path, body, token);
  }

  Answer sendWithToken(String method, String path, Object body, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    String text = body == null ? null : body instanceof String s ? s : write(body);
    request.method(
        method,
        text == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(text));
    if (text != null) {
      request.header("Content-Type", "application/scim+json");
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String filter(String filter) {
    return "filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A valid AWS user with the given user name. */
  static ObjectNode user(String userName) {
    ObjectNode user = JSON.createObjectNode();
    user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
    user.put("userName", userName);
    user.put("externalId", "ext-" + userName);
    user.put("displayName", "Display " + userName);
    user.putObject("name").put("givenName", "Given").put("familyName", "Family");
    user.putArray("emails")
        .addObject()
        .put("value", userName + "@example.com")
        .put("type", "work")
        .put("primary", true);
    user.put("active", true);
    return user;
  }

  /** A group with the given display name and members. */
  static ObjectNode group(String displayName, String... memberIds) {
    ObjectNode group = JSON.createObjectNode();
    group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
    group.put("displayName", displayName);
    var members = group.putArray("members");
    for (String id : memberIds) {
      members.addObject().put("value", id);
    }
    return group;
  }

  /** A PatchOp body with one operation. */
  static ObjectNode patchOp(String op, String path, JsonNode value) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
    ObjectNode operation = body.putArray("Operations").addObject().put("op", op);
    if (path != null) {
      operation.put("path", path);
    }
    if (value != null) {
      operation.set("value", value);
    }
    return body;
  }
}
