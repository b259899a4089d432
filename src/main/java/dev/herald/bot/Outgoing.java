package dev.herald.bot;

/**
 * One message to send.
 *
 * @param chatId the chat to send it to
 * @param group whether that chat is a group (stricter send limits)
 * @param html the text in Telegram's HTML parse mode, at most {@link HtmlSplitter#TELEGRAM_LIMIT} characters
 * @param replyTo the message it answers, or {@code null}
 */
public record Outgoing(long chatId, boolean group, String html, Integer replyTo) {}
