package dev.herald.bot.telegram;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Where Telegram delivers updates in webhook mode.
 *
 * @param publicUrl the https url Telegram posts to (registered with setWebhook); its path is served
 * @param listen the local address the HTTP endpoint binds (usually behind a TLS-terminating proxy)
 * @param secret the value Telegram must send in {@code X-Telegram-Bot-Api-Secret-Token}
 */
public record Webhook(URI publicUrl, InetSocketAddress listen, String secret) {

  /** Checks the secret against Telegram's rules: 1 to 256 characters of A-Z, a-z, 0-9, _ and -. */
  public Webhook {
    if (secret == null || !secret.matches("[A-Za-z0-9_-]{1,256}")) {
      throw new IllegalArgumentException("the webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
    }
  }

  /** The path the endpoint serves, taken from the public url. */
  public String path() {
    String p = publicUrl.getPath();
    return p == null || p.isEmpty() ? "/" : p;
  }
}
