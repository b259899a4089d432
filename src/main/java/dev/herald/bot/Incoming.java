package dev.herald.bot;

/**
 * A message sent to the bot, reduced to what the handler needs.
 *
 * @param updateId the transport's id of the update that carried it
 * @param chatId the chat it was written in
 * @param group true in groups and supergroups, false in private chats
 * @param userId the author
 * @param messageId the message's id within the chat, replied to
 * @param text the text, or {@code null} for stickers, photos, voice and other non-text messages
 * @param replyToBot true when the message replies to one of the bot's messages
 */
public record Incoming(long updateId, long chatId, boolean group, long userId, int messageId, String text, boolean replyToBot) {}
