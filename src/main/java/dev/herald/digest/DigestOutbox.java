package dev.herald.digest;

import dev.herald.answer.Answer;
import java.io.IOException;

/**
 * Delivers a digest to a chat unprompted, within the transport's send limits; implemented by the
 * Telegram bot, and by fakes in tests.
 */
@FunctionalInterface
public interface DigestOutbox {

  /**
   * Sends the digest to the chat, returning only once it was accepted.
   *
   * @throws IOException when it could not be delivered (it is then tried again later)
   */
  void deliver(long chatId, boolean group, Answer digest) throws IOException;
}
