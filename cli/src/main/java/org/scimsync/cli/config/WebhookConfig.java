package org.scimsync.cli.config;

import org.jspecify.annotations.Nullable;
import org.scimsync.client.Secret;

/**
 * The webhook trigger and HTTP endpoints of {@code scim-sync serve}: {@code webhook}.
 *
 * @param listen the address to bind (default 127.0.0.1:8088)
 * @param secret the HMAC-SHA256 key of request signatures (a secret); null when no webhook is
 *     configured, in which case the webhook endpoint refuses every request
 */
public record WebhookConfig(ListenAddress listen, @Nullable Secret secret) {

  public WebhookConfig {
    listen = listen == null ? ListenAddress.DEFAULT : listen;
    if (secret != null && secret.reveal().isBlank()) {
      throw new ConfigValueException("secret", "must not be empty");
    }
  }

  /** Loopback listener without a webhook secret. */
  public static WebhookConfig defaults() {
    return new WebhookConfig(null, null);
  }
}
