package dev.herald.bot;

/**
 * Where an answer that is still being written is shown, growing, before the verified answer replaces it.
 * Implemented by {@code bot.telegram.TelegramDraft} (a message edited in place, at most about once a
 * second) and by {@link #NONE} (shows nothing); tests use their own.
 */
public interface Draft {

  /** Shows {@code html}, the answer so far (plain text, escaped, never with citation markers). */
  void show(String html);

  /** A draft that shows nothing, for transports that cannot edit messages. */
  Draft NONE = html -> {};
}
