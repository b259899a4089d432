package dev.herald.bot;

/**
 * One message to send.
 *
 * @param chatId the chat to send it to
 * @param group whether that chat is a group (stricter send limits)
 * @param html the text in Telegram's HTML parse mode, at most {@link HtmlSplitter#TELEGRAM_LIMIT} characters;
 *     with a photo, its caption (at most {@link #CAPTION_LIMIT} visible characters)
 * @param replyTo the message it answers, or {@code null}
 * @param photo a PNG image to send as a photo with {@code html} as its caption, or {@code null} for a text message
 */
public record Outgoing(long chatId, boolean group, String html, Integer replyTo, byte[] photo) {

  /** Telegram's limit on a photo caption, in characters after entity parsing. */
  public static final int CAPTION_LIMIT = 1024;

  /** A text message. */
  public Outgoing(long chatId, boolean group, String html, Integer replyTo) {
    this(chatId, group, html, replyTo, null);
  }
}
