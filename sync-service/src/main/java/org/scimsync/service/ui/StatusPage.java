package org.scimsync.service.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.service.ui.internal.Access;
import org.scimsync.service.ui.internal.Exchanges;
import org.scimsync.service.ui.internal.HistoryPages;
import org.scimsync.service.ui.internal.ObjectPages;
import org.scimsync.service.ui.internal.Templates;
import org.scimsync.service.ui.internal.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status page under {@value #PATH} for one or several targets: the overview (a card per
 * target), the runs of every target or of one ({@code ?target=}), one run (found in the target
 * whose store has it), one user or group of a target, the search, and the "Run now" / "Run full"
 * form of a target or of all. Every answer needs authentication (401 otherwise) and carries the
 * headers a browser expects of a page it must not frame, sniff or script from elsewhere; the form
 * needs its CSRF token and a same-origin request (403 otherwise), and names a configured target or
 * none (400 otherwise).
 */
public final class StatusPage implements HttpHandler {

  /** Where the page is mounted. */
  public static final String PATH = "/ui";

  private static final Logger LOG = LoggerFactory.getLogger(StatusPage.class);
  private static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private final Access access;
  private final StatusProbe probe;
  private final Map<String, PageTarget> targets = new LinkedHashMap<>();
  private final HistoryPages history;
  private final ObjectPages objects;
  private final Templates templates = new Templates();
  private final boolean tls;
  private final byte[] stylesheet;

  /**
   * @param config who may see the page
   * @param targets the targets, in the order of the overview: at least one, names unique
   * @param probe health, schedule and the trigger path of the service
   * @param notebook what the runs of this process reported beyond their journal, by run id
   * @param tls true when the listener is HTTPS (adds Strict-Transport-Security)
   * @throws IllegalArgumentException when there is no target or two have the same name
   */
  public StatusPage(
      UiConfig config,
      List<PageTarget> targets,
      StatusProbe probe,
      RunNotebook notebook,
      boolean tls) {
    this.access = new Access(Objects.requireNonNull(config, "config"));
    this.probe = Objects.requireNonNull(probe, "probe");
    for (PageTarget target : targets) {
      if (this.targets.putIfAbsent(target.name(), target) != null) {
        throw new IllegalArgumentException("two status page targets named " + target.name());
      }
    }
    this.history = new HistoryPages(targets, probe, notebook);
    this.objects = new ObjectPages(targets);
    this.tls = tls;
    this.stylesheet = Exchanges.resource(StatusPage.class, "style.css");
  }

  /** Whether a request with this {@code Authorization} header may see the page. */
  public boolean authorized(@Nullable String authorization) {
    return access.authenticate(authorization).isPresent();
  }

  /** The {@code WWW-Authenticate} challenge of a refused request. */
  public String challenge() {
    return access.basic()
        ? "Basic realm=\"scim-sync status\", charset=\"UTF-8\""
        : "Bearer realm=\"scim-sync status\"";
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      securityHeaders(exchange);
      Optional<String> caller =
          access.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
      if (caller.isEmpty()) {
        refuse(exchange);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      try {
        route(exchange, caller.get(), path);
      } catch (StateStoreException e) {
        LOG.warn("ui: state store unavailable for path={}: {}", path, e.getMessage());
        error(exchange, caller.get(), 503, "The state store is unavailable; try again shortly.");
      }
    }
  }

  private void route(HttpExchange exchange, String caller, String path) throws IOException {
    String method = exchange.getRequestMethod();
    Map<String, String> query = Exchanges.form(exchange.getRequestURI().getRawQuery());
    if ("POST".equals(method) && path.equals(PATH + "/run")) {
      trigger(exchange, caller);
      return;
    }
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      error(exchange, caller, 405, "This page is read-only.");
      return;
    }
    String targetName = query.getOrDefault("target", "");
    PageTarget target = targetName.isEmpty() ? null : targets.get(targetName);
    if (!targetName.isEmpty() && target == null) {
      error(exchange, caller, 404, "There is no target " + targetName + ".");
      return;
    }
    if (path.equals(PATH)) {
      Exchanges.redirect(exchange, PATH + "/");
    } else if (path.equals(PATH + "/")) {
      html(exchange, 200, "overview", frame(caller, "Overview", query), history.overview());
    } else if (path.equals(PATH + "/style.css")) {
      Exchanges.send(exchange, 200, "text/css; charset=utf-8", stylesheet);
    } else if (path.equals(PATH + "/runs")) {
      int page = Exchanges.number(query.get("page"));
      html(exchange, 200, "runs", frame(caller, "Runs", query), history.runs(page, target));
    } else if (path.startsWith(PATH + "/runs/")) {
      long id = Exchanges.number(path.substring((PATH + "/runs/").length()));
      String q = query.getOrDefault("q", "");
      Optional<Views.RunPage> run = history.run(id, target, q);
      if (run.isEmpty()) {
        error(exchange, caller, 404, "There is no run " + id + ".");
      } else {
        html(exchange, 200, "run", frame(caller, "Run " + id, query), run.get());
      }
    } else if (path.startsWith(PATH + "/users/") || path.startsWith(PATH + "/groups/")) {
      boolean user = path.startsWith(PATH + "/users/");
      String key = path.substring((PATH + (user ? "/users/" : "/groups/")).length());
      Optional<Views.ObjectPage> object =
          objects.object(target, user ? ObjectKind.USER : ObjectKind.GROUP, key);
      if (object.isEmpty()) {
        error(exchange, caller, 404, "No " + (user ? "user" : "group") + " " + key + " is known.");
      } else {
        html(exchange, 200, "object", frame(caller, object.get().label(), query), object.get());
      }
    } else if (path.equals(PATH + "/search")) {
      String q = query.getOrDefault("q", "");
      Views.Frame frame = frame(caller, "Search", query);
      html(exchange, 200, "search", frame.withSearch(q), objects.search(target, q));
    } else {
      error(exchange, caller, 404, "There is no such page.");
    }
  }

  private void trigger(HttpExchange exchange, String caller) throws IOException {
    Map<String, String> fields = Exchanges.postedForm(exchange);
    if (!sameOrigin(exchange) || !access.csrfValid(caller, fields.get("csrf"))) {
      LOG.warn("ui: run request refused: missing or wrong CSRF token or another origin");
      error(exchange, caller, 403, "Refused: the form is stale or came from another site.");
      return;
    }
    String target = fields.getOrDefault("target", "");
    if (!target.isEmpty() && !targets.containsKey(target)) {
      LOG.warn("ui: run request refused: no target of that name");
      error(exchange, caller, 400, "There is no target " + target + "; no run was requested.");
      return;
    }
    boolean full = "true".equals(fields.get("full"));
    Optional<Long> trigger = probe.requestRun(target.isEmpty() ? null : target, full);
    if (trigger.isEmpty()) {
      error(exchange, caller, 503, "The service is shutting down; no run was requested.");
      return;
    }
    LOG.info(
        "ui: run requested by={} target={} full={} trigger={}",
        caller,
        target.isEmpty() ? "all" : target,
        full,
        trigger.get());
    Exchanges.redirect(
        exchange,
        PATH
            + "/runs?requested="
            + trigger.get()
            + (full ? "&full=true" : "")
            + (target.isEmpty() ? "" : "&target=" + target));
  }

  private boolean sameOrigin(HttpExchange exchange) {
    String fetchSite = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      return false;
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin == null) {
      return true;
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    return host != null && origin.equals((tls ? "https://" : "http://") + host);
  }

  private Views.Frame frame(String caller, String title, Map<String, String> query) {
    String notice = null;
    String requested = query.get("requested");
    if (requested != null && requested.matches("\\d{1,18}")) {
      String target = query.getOrDefault("target", "");
      String of =
          targets.containsKey(target)
              ? " of target " + target
              : targets.size() > 1 ? " of every target" : "";
      notice =
          ("true".equals(query.get("full")) ? "A full run" : "A run")
              + of
              + " was requested (trigger "
              + requested
              + "); it appears below once it has started.";
    }
    return new Views.Frame(title, caller, access.csrfToken(caller), "", notice, targets.size() > 1);
  }

  private void error(HttpExchange exchange, String caller, int status, String message)
      throws IOException {
    html(
        exchange,
        status,
        "error",
        frame(caller, "Error " + status, Map.of()),
        Map.of("message", message, "status", status));
  }

  private void html(HttpExchange exchange, int status, String template, Object... scopes)
      throws IOException {
    byte[] body = templates.render(template, scopes).getBytes(StandardCharsets.UTF_8);
    Exchanges.send(exchange, status, "text/html; charset=utf-8", body);
  }

  private void refuse(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("WWW-Authenticate", challenge());
    Exchanges.send(
        exchange,
        401,
        "text/plain; charset=utf-8",
        "Authentication required.\n".getBytes(StandardCharsets.UTF_8));
  }

  private void securityHeaders(HttpExchange exchange) {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Security-Policy", CSP);
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "same-origin");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Cache-Control", "no-store");
    if (tls) {
      headers.set("Strict-Transport-Security", "max-age=31536000");
    }
  }
}
