package dev.herald.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook endpoint: accepts Telegram's POSTed updates on one path when they carry the right
 * {@code X-Telegram-Bot-Api-Secret-Token}, and answers 401 to anything else. Updates are only queued
 * here; replies go out through the Bot API like in polling mode, so the 200 comes back at once.
 */
final class WebhookReceiver implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);
  private static final int MAX_BODY = 1 << 20;

  private final HttpServer server;
  private final byte[] secret;
  private final ObjectMapper json = new ObjectMapper();
  private final Consumer<List<Update>> updates;

  WebhookReceiver(Webhook webhook, ExecutorService threads, Consumer<List<Update>> updates) throws IOException {
    this.secret = webhook.secret().getBytes(StandardCharsets.UTF_8);
    this.updates = updates;
    this.server = HttpServer.create(webhook.listen(), 64);
    server.setExecutor(threads);
    server.createContext(webhook.path(), this::serve);
    server.start();
  }

  /** The bound address (the port is chosen by the system when configured as 0). */
  InetSocketAddress address() {
    return server.getAddress();
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String given = ex.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token");
      // Constant-time comparison, so the secret cannot be guessed byte by byte from response times.
      if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
        respond(ex, 401, "unauthorized");
        return;
      }
      if (!"POST".equals(ex.getRequestMethod())) {
        respond(ex, 405, "POST only");
        return;
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        respond(ex, 413, "too large");
        return;
      }
      Update update;
      try {
        update = json.readValue(body, Update.class);
      } catch (IOException e) {
        log.warn("webhook: unreadable update ({})", e.getClass().getSimpleName());
        respond(ex, 400, "bad update");
        return;
      }
      try {
        updates.accept(List.of(update));
      } catch (RuntimeException e) {
        // Not taken in (the state database is away): Telegram delivers it again later, maybe elsewhere.
        log.warn("webhook: update {} not taken in: {}", update.getUpdateId(), e.getMessage());
        respond(ex, 503, "try again");
        return;
      }
      respond(ex, 200, "");
    }
  }

  private static void respond(HttpExchange ex, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
  }

  /** Stops accepting updates. */
  @Override
  public void close() {
    server.stop(0);
  }
}
