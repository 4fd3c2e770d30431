package org.scimsync.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.ConfigValueException;
import org.scimsync.common.Secret;

/**
 * The webhook trigger and HTTP endpoints of {@code scim-sync serve}: {@code webhook}.
 *
 * @param listen the address to bind (default 127.0.0.1:8088)
 * @param secret the HMAC-SHA256 key of request signatures (a secret); null when no webhook is
 *     configured, in which case the webhook endpoint refuses every request
 * @param debounce how long webhook calls are collected into one run (default 5s)
 */
public record WebhookConfig(ListenAddress listen, @Nullable Secret secret, Duration debounce) {

  /** The shortest webhook secret accepted, as for any HMAC-SHA256 key worth the name. */
  public static final int MIN_SECRET_BYTES = 16;

  public WebhookConfig {
    listen = listen == null ? ListenAddress.DEFAULT : listen;
    debounce = debounce == null ? ServiceSettings.DEFAULT_DEBOUNCE : debounce;
    if (debounce.isNegative()) {
      throw new ConfigValueException("debounce", "must not be negative");
    }
    if (secret != null
        && secret.reveal().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new ConfigValueException(
          "secret",
          "must be at least " + MIN_SECRET_BYTES + " bytes long (the value is not shown)");
    }
  }

  /** Loopback listener without a webhook secret. */
  public static WebhookConfig defaults() {
    return new WebhookConfig(null, null, null);
  }
}
