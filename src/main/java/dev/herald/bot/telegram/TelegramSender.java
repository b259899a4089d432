package dev.herald.bot.telegram;

import dev.herald.bot.Outgoing;
import dev.herald.bot.SendThrottle;
import dev.herald.metrics.HeraldMetrics;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends to the Bot API within Telegram's send limits, honouring 429 {@code retry_after} and retrying
 * server errors and network failures with exponential backoff. Other errors (400, 403) are final.
 */
final class TelegramSender {

  private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);
  private static final int MAX_ATTEMPTS = 8;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final TelegramClient client;
  private final SendThrottle throttle;
  private final Duration firstBackoff;
  private final TokenMask mask;
  private final HeraldMetrics metrics;

  TelegramSender(TelegramClient client, SendThrottle throttle, Duration firstBackoff, TokenMask mask, HeraldMetrics metrics) {
    this.client = client;
    this.throttle = throttle;
    this.firstBackoff = firstBackoff;
    this.mask = mask;
    this.metrics = metrics;
  }

  /** Sends one message (a photo with its caption when it has one), waiting for its slot under the send limits. */
  Message send(Outgoing o) throws TelegramApiException, InterruptedException {
    long slot = throttle.reserve(o.chatId(), o.group(), System.nanoTime());
    long wait = slot - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    if (o.photo() != null) {
      // A fresh upload stream for every attempt: a retried request must send the whole image again.
      return retrying("sendPhoto", () -> client.execute(SendPhoto.builder()
          .chatId(o.chatId())
          .photo(new InputFile(new ByteArrayInputStream(o.photo()), "trend.png"))
          .caption(o.html())
          .parseMode("HTML")
          .replyToMessageId(o.replyTo())
          .build()));
    }
    SendMessage m = SendMessage.builder()
        .chatId(o.chatId())
        .text(o.html())
        .parseMode("HTML")
        .replyToMessageId(o.replyTo())
        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
        .build();
    return execute(m);
  }

  /** Replaces the text of a message the bot sent, waiting for its slot under the send limits. */
  void edit(Outgoing o, int messageId) throws TelegramApiException, InterruptedException {
    long slot = throttle.reserve(o.chatId(), o.group(), System.nanoTime());
    long wait = slot - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    execute(EditMessageText.builder()
        .chatId(o.chatId())
        .messageId(messageId)
        .text(o.html())
        .parseMode("HTML")
        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
        .build());
  }

  /** Shows "typing" in a chat; a failure only costs the indicator, so it is logged and ignored. */
  void typing(long chatId) {
    try {
      client.execute(SendChatAction.builder().chatId(chatId).action("typing").build());
    } catch (TelegramApiException e) {
      log.debug("sendChatAction failed in chat {}: {}", chatId, mask.apply(e.getMessage()));
    }
  }

  /** Executes a method, retrying what Telegram or the network says is temporary. */
  <T extends Serializable> T execute(BotApiMethod<T> method) throws TelegramApiException, InterruptedException {
    return retrying(method.getMethod(), () -> client.execute(method));
  }

  /** One Bot API call, made again on each attempt. */
  @FunctionalInterface
  private interface Call<T> {
    T run() throws TelegramApiException;
  }

  private <T> T retrying(String method, Call<T> call) throws TelegramApiException, InterruptedException {
    Duration backoff = firstBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        T result = call.run();
        metrics.telegramRequest(method, "ok");
        return result;
      } catch (TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        Duration wait;
        String outcome;
        if (code != null && code == 429) {
          Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
          wait = Duration.ofSeconds(after == null ? 1 : after);
          outcome = "too_many_requests";
        } else if (code == null || code >= 500) {
          wait = backoff;
          backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
          outcome = "server_error";
        } else {
          metrics.telegramRequest(method, "client_error");
          throw e;
        }
        metrics.telegramRequest(method, outcome);
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        metrics.telegramRetry(method, outcome);
        log.warn("{} failed ({}), retrying in {} ms", method, mask.apply(e.getMessage()), wait.toMillis());
        Thread.sleep(wait.toMillis());
      } catch (TelegramApiException e) {
        // Network failure: connection refused, reset or dropped.
        metrics.telegramRequest(method, "network");
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        metrics.telegramRetry(method, "network");
        log.warn("{} failed ({}), retrying in {} ms", method, mask.apply(e.getMessage()), backoff.toMillis());
        Thread.sleep(backoff.toMillis());
        backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
