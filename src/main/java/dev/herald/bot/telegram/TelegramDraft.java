package dev.herald.bot.telegram;

import dev.herald.bot.Draft;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Telegram message that shows an answer while it is written: sent on the first update, then edited in
 * place at most once per interval (Telegram allows about one message a second per chat), with updates in
 * between dropped since a later one supersedes them. A failure to show a draft never fails the answer:
 * drafting simply stops. The verified answer then replaces the draft ({@link #messageId}).
 */
final class TelegramDraft implements Draft {

  /** What the draft needs from the sender; a seam so the throttling is testable without Telegram. */
  interface Poster {
    /** Sends a new message and returns its id. */
    int send(String html) throws Exception;

    /** Replaces the text of message {@code id}. */
    void edit(int id, String html) throws Exception;
  }

  private static final Logger log = LoggerFactory.getLogger(TelegramDraft.class);

  private final Poster poster;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private Integer messageId;
  private long lastShown;
  private String lastHtml;
  private boolean failed;

  TelegramDraft(Poster poster, Duration interval, LongSupplier nanoTime) {
    this.poster = poster;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized void show(String html) {
    if (failed || html == null || html.isBlank() || html.equals(lastHtml)) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (messageId != null && now - lastShown < intervalNanos) {
      return;
    }
    try {
      if (messageId == null) {
        messageId = poster.send(html);
      } else {
        poster.edit(messageId, html);
      }
      lastShown = now;
      lastHtml = html;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed = true;
    } catch (Exception e) {
      log.warn("draft not shown, continuing without: {}", e.getMessage());
      failed = true;
    }
  }

  /** The id of the draft message, or {@code null} when none was sent. */
  synchronized Integer messageId() {
    return messageId;
  }
}
