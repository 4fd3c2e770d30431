package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.scimsync.emulator.EmulatorException;
import org.scimsync.emulator.EmulatorState;
import org.scimsync.emulator.EmulatorStats;
import org.scimsync.emulator.FaultSettings;
import org.scimsync.emulator.ServerQuirks;

/**
 * Serves {@code /admin/...} to loopback clients only, without SCIM authentication: {@code GET
 * /admin/state} (everything, with the real group members), {@code POST /admin/reset} (drop all
 * data), {@code GET|PUT /admin/faults} (see {@link FaultSettingsJson}), {@code GET|PUT
 * /admin/quirks} (see {@link ServerQuirksJson}), {@code GET /admin/stats} and {@code DELETE
 * /admin/stats}.
 */
public final class AdminExchangeHandler implements HttpHandler {
  private final Directory directory;
  private final FaultInjector faults;
  private final AtomicReference<ServerQuirks> quirks;
  private final RequestStatistics statistics;

  /** Creates the handler over the emulator's parts. */
  public AdminExchangeHandler(
      Directory directory,
      FaultInjector faults,
      AtomicReference<ServerQuirks> quirks,
      RequestStatistics statistics) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.faults = Objects.requireNonNull(faults, "faults");
    this.quirks = Objects.requireNonNull(quirks, "quirks");
    this.statistics = Objects.requireNonNull(statistics, "statistics");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = ScimExchangeHandler.readBody(exchange.getRequestBody());
      if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
        send(exchange, 403, error("The admin endpoint answers loopback clients only."));
        return;
      }
      String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
      String route = exchange.getRequestMethod() + " " + path;
      switch (route) {
        case "GET /admin/state" -> send(exchange, 200, state(directory.snapshot()));
        case "POST /admin/reset" -> {
          directory.clear();
          send(exchange, 204, null);
        }
        case "GET /admin/faults" ->
            send(exchange, 200, FaultSettingsJson.toJson(faults.settings()));
        case "PUT /admin/faults" -> {
          try {
            JsonNode json = ResourceDocuments.MAPPER.readTree(body);
            FaultSettings updated = FaultSettingsJson.merge(faults.settings(), json);
            faults.update(updated);
            send(exchange, 200, FaultSettingsJson.toJson(updated));
          } catch (IOException | EmulatorException e) {
            send(exchange, 400, error(e.getMessage()));
          }
        }
        case "GET /admin/quirks" -> send(exchange, 200, ServerQuirksJson.toJson(quirks.get()));
        case "PUT /admin/quirks" -> {
          try {
            JsonNode json = ResourceDocuments.MAPPER.readTree(body);
            ServerQuirks updated = ServerQuirksJson.merge(quirks.get(), json);
            quirks.set(updated);
            send(exchange, 200, ServerQuirksJson.toJson(updated));
          } catch (IOException | EmulatorException e) {
            send(exchange, 400, error(e.getMessage()));
          }
        }
        case "GET /admin/stats" -> send(exchange, 200, stats(statistics.snapshot()));
        case "DELETE /admin/stats" -> {
          statistics.reset();
          send(exchange, 204, null);
        }
        default -> send(exchange, 404, error("Unknown admin endpoint " + route + "."));
      }
    }
  }

  private static ObjectNode state(EmulatorState state) {
    ObjectNode doc = ResourceDocuments.MAPPER.createObjectNode();
    doc.putObject("counts")
        .put("users", state.users().size())
        .put("groups", state.groups().size())
        .put("memberships", state.membershipCount());
    ArrayNode users = doc.putArray("users");
    state.users().forEach(user -> users.add(user.json()));
    ArrayNode groups = doc.putArray("groups");
    for (EmulatorState.Group group : state.groups()) {
      ObjectNode node =
          groups.addObject().put("id", group.id()).put("displayName", group.displayName());
      if (group.externalId() != null) {
        node.put("externalId", group.externalId());
      }
      ArrayNode members = node.putArray("members");
      group.memberIds().stream().sorted().forEach(members::add);
    }
    return doc;
  }

  private static ObjectNode stats(EmulatorStats stats) {
    ObjectNode doc = ResourceDocuments.MAPPER.createObjectNode();
    doc.put("total", stats.total())
        .put("throttled", stats.throttled())
        .put("dropped", stats.dropped());
    ObjectNode byApi = doc.putObject("byApiAndStatus");
    stats
        .byApiAndStatus()
        .forEach(
            (api, statuses) -> {
              ObjectNode node = byApi.putObject(api);
              statuses.forEach((status, n) -> node.put(Integer.toString(status), n));
            });
    return doc;
  }

  private static ObjectNode error(String message) {
    return ResourceDocuments.MAPPER.createObjectNode().put("error", message);
  }

  private static void send(HttpExchange exchange, int status, @Nullable JsonNode body)
      throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = ResourceDocuments.bytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
